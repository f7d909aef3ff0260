package dev.nex.jakarta.impl.eviction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.PageBinding;
import dev.nex.jakarta.impl.page.PageBindings;
import dev.nex.jakarta.impl.page.PageIds.PresentedId;
import dev.nex.jakarta.impl.scope.PageEvents;
import dev.nex.jakarta.impl.store.PageState;

/**
 * The live pages of the application, and every way a page ends (SPEC 6): sliding TTL checked on each lookup and
 * by the sweep, the per-session and global LRU caps, session end, unload and shutdown. Whatever the path, a page
 * ends once, after its last in-flight request.
 */
@ApplicationScoped
public class PageRegistry {

    private static final Logger LOG = Logger.getLogger(PageRegistry.class.getName());

    @Inject
    NexSettings settings;

    @Inject
    PageEvents events;

    private final Map<String, PageState> pages = new ConcurrentHashMap<>();
    /**
     * Owner key → its pages: small copy-on-write arrays (a session has a few pages; an array of one costs 24
     * bytes where a set costs about 180), only ever replaced inside {@code compute} for their key. Pages ended by
     * the sweep are dropped from them lazily, when the session starts its next page or ends.
     */
    private final Map<String, PageState[]> byOwner = new ConcurrentHashMap<>();
    private final PageCounters counters = new PageCounters();
    private final Object globalCapLock = new Object();
    private long ttlNanos;

    @PostConstruct
    void init() {
        ttlNanos = settings.pageTtl().toNanos();
    }

    /** How a presented page id resolves for an action. */
    public enum Outcome {
        /** A live page of the caller's session; the request has entered it. */
        LIVE,
        /** A live page of another session: never to be touched (SPEC 3.2). */
        FOREIGN,
        /** Minted by us within the TTL and never stored into: an empty page, not an expired one. */
        FRESH,
        /** Expired, ended, or not minted by this application instance (SPEC 3.4). */
        UNKNOWN
    }

    public record Lookup(Outcome outcome, PageState state) {
    }

    public record Allocation(PageState state, boolean created) {
    }

    /** Resolves an action's page id for the session with owner key {@code owner} (may be {@code null}). */
    public Lookup lookup(PresentedId id, String owner) {
        long now = System.nanoTime();
        PageState state = pages.get(id.value());
        if (state != null) {
            if (!state.owner().equals(owner)) {
                return new Lookup(Outcome.FOREIGN, null);
            }
            if (state.expireIfIdle(now, ttlNanos)) { // SPEC 6.2: never visible past its expiry, sweep or not
                unindex(state);
                end(state);
                return new Lookup(Outcome.UNKNOWN, null);
            }
            if (state.enter(now)) {
                return new Lookup(Outcome.LIVE, state);
            }
        }
        long ageSeconds = Instant.now().getEpochSecond() - id.mintedSecond();
        boolean fresh = id.ours() && ageSeconds >= 0 && ageSeconds * 1_000_000_000L <= ttlNanos;
        return new Lookup(fresh ? Outcome.FRESH : Outcome.UNKNOWN, null);
    }

    /** The state of page {@code pageId}, created for {@code owner} if absent, entered by the calling request. */
    public Allocation allocate(String pageId, String owner) {
        for (;;) {
            long now = System.nanoTime();
            PageState candidate = new PageState(pageId, owner, now);
            PageState existing = pages.putIfAbsent(pageId, candidate);
            PageState state = existing == null ? candidate : existing;
            if (!state.owner().equals(owner)) {
                throw new ForeignPageException();
            }
            if (state.enter(now)) {
                if (existing == null) {
                    counters.created();
                }
                return new Allocation(state, existing == null);
            }
            pages.remove(pageId, state); // lost a race with its end: start the page afresh
        }
    }

    /** A page just allocated: announce it and apply the caps (SPEC 5.4, 6.3, 6.4). */
    public void started(PageState state) {
        events.initialized(state.id());
        List<PageState> overSessionCap = new ArrayList<>(1);
        byOwner.compute(state.owner(), (owner, owned) -> {
            PageState[] pages = owned == null ? new PageState[] {state} : with(withoutEnded(owned), state);
            if (pages.length > settings.maxPerSession()) {
                PageState victim = leastRecentlyUsed(Arrays.asList(pages), state);
                overSessionCap.add(victim);
                return without(pages, victim);
            }
            return pages;
        });
        overSessionCap.forEach(victim -> requestEnd(victim, PageEndReason.SESSION_LIMIT));
        if (pages.size() > settings.maxTotal()) {
            synchronized (globalCapLock) {
                while (pages.size() > settings.maxTotal()) {
                    PageState victim = leastRecentlyUsed(pages.values(), state);
                    if (victim == null) {
                        break;
                    }
                    requestEnd(victim, PageEndReason.GLOBAL_LIMIT);
                }
            }
        }
    }

    /** The request using {@code state} is done. */
    public void leave(PageState state) {
        if (state.leave(System.nanoTime())) {
            end(state);
        }
    }

    /** Ends every expired page not in use (SPEC 6.2); returns how many. */
    public int sweep() {
        long now = System.nanoTime();
        int count = 0;
        for (PageState state : pages.values()) {
            if (state.expireIfIdle(now, ttlNanos)) {
                // not unindexed from its session here: that lookup was half the time of a big sweep
                pages.remove(state.id(), state);
                end(state);
                count++;
            }
        }
        int expired = count;
        if (expired > 0) {
            LOG.info(() -> "Nex sweep ended " + pagesOf(expired) + " idle for longer than " + settings.pageTtl()
                    + "; " + pages.size() + " live");
        }
        return expired;
    }

    /** Ends all pages of the session with owner key {@code owner} (SPEC 6.5). */
    public void endOwner(String owner, PageEndReason reason) {
        PageState[] owned = byOwner.remove(owner);
        if (owned != null) {
            for (PageState state : owned) {
                requestEnd(state, reason);
            }
        }
    }

    /** Ends page {@code pageId} if {@code owner}'s session owns it (SPEC 6.6); {@code false} if it does not. */
    public boolean endOwned(String pageId, String owner, PageEndReason reason) {
        PageState state = pages.get(pageId);
        if (state == null || !state.owner().equals(owner)) {
            return false;
        }
        requestEnd(state, reason);
        return true;
    }

    /** SPEC 6.7: while application-scoped beans still work, so end observers can run. */
    void shutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        List<PageState> all = new ArrayList<>(pages.values());
        all.forEach(state -> requestEnd(state, PageEndReason.SHUTDOWN));
        if (!all.isEmpty()) {
            LOG.info(() -> "Nex ended " + pagesOf(all.size()) + " at shutdown");
        }
    }

    public int livePages() {
        return pages.size();
    }

    public long storeEntries() {
        long entries = 0;
        for (PageState state : pages.values()) {
            entries += state.entries().size();
        }
        return entries;
    }

    public PageCounters counters() {
        return counters;
    }

    private void requestEnd(PageState state, PageEndReason reason) {
        unindex(state);
        if (state.requestEnd(reason)) {
            end(state);
        }
    }

    private void unindex(PageState state) {
        pages.remove(state.id(), state);
        byOwner.computeIfPresent(state.owner(), (owner, owned) -> without(owned, state));
    }

    /** Runs a page's end: called exactly once per page, by whoever {@link PageState} told to. */
    private void end(PageState state) {
        PageEndReason reason = state.endReason();
        PageBinding previous = PageBindings.bind(PageBinding.ending(state));
        try {
            events.beforeDestroyed(state.id(), reason);
        } finally {
            PageBindings.restore(previous);
        }
        state.destroyContents();
        events.destroyed(state.id(), reason);
        counters.ended(reason);
    }

    private static PageState leastRecentlyUsed(Collection<PageState> candidates, PageState spared) {
        PageState oldest = null;
        for (PageState candidate : candidates) {
            if (candidate != spared && (oldest == null || candidate.lastAccessNanos() - oldest.lastAccessNanos() < 0)) {
                oldest = candidate;
            }
        }
        return oldest;
    }

    private static PageState[] with(PageState[] pages, PageState added) {
        PageState[] copy = Arrays.copyOf(pages, pages.length + 1);
        copy[pages.length] = added;
        return copy;
    }

    private static PageState[] withoutEnded(PageState[] pages) {
        return Arrays.stream(pages).filter(page -> page.endReason() == null).toArray(PageState[]::new);
    }

    /** {@code pages} without {@code removed}; {@code null} (no entry) when none is left. */
    private static PageState[] without(PageState[] pages, PageState removed) {
        int index = Arrays.asList(pages).indexOf(removed);
        if (index < 0) {
            return pages;
        }
        if (pages.length == 1) {
            return null;
        }
        PageState[] copy = new PageState[pages.length - 1];
        System.arraycopy(pages, 0, copy, 0, index);
        System.arraycopy(pages, index + 1, copy, index, copy.length - index);
        return copy;
    }

    private static String pagesOf(int count) {
        return count == 1 ? "1 page" : count + " pages";
    }
}
