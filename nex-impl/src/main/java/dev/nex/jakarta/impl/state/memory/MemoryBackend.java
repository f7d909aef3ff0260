package dev.nex.jakarta.impl.state.memory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.ForeignPageException;
import dev.nex.jakarta.impl.state.LeastRecentlyUsed;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * The default backend ({@code nex.store=memory}): the live pages of this application instance in its own heap,
 * and every way a page ends (SPEC 6): sliding TTL checked on each lookup and by the sweep, the per-session and
 * global LRU caps, session end, unload and shutdown. Whatever the path, a page ends once, after its last
 * in-flight request.
 */
@ApplicationScoped
@Typed(MemoryBackend.class) // injected as PageStateBackend only through BackendProducer
public class MemoryBackend implements PageStateBackend {

    private static final Logger LOG = Logger.getLogger(MemoryBackend.class.getName());

    @Inject
    NexSettings settings;

    @Inject
    PageLifecycle lifecycle;

    private final Map<String, MemoryPage> pages = new ConcurrentHashMap<>();
    /**
     * Owner key → its pages: small copy-on-write arrays (a session has a few pages; an array of one costs 24
     * bytes where a set costs about 180), only ever replaced inside {@code compute} for their key. Pages ended by
     * the sweep are dropped from them lazily, when the session starts its next page or ends.
     */
    private final Map<String, MemoryPage[]> byOwner = new ConcurrentHashMap<>();
    private final Object globalCapLock = new Object();
    private final byte[] idSecret = new byte[32];
    private long ttlNanos;

    @PostConstruct
    void init() {
        ttlNanos = settings.pageTtl().toNanos();
        new SecureRandom().nextBytes(idSecret);
    }

    @Override
    public Lookup lookup(String pageId, String owner) {
        long now = System.nanoTime();
        MemoryPage state = pages.get(pageId);
        if (state != null) {
            if (!state.owner().equals(owner)) {
                return new Lookup(Found.FOREIGN, null);
            }
            if (state.expireIfIdle(now, ttlNanos)) { // SPEC 6.2: never visible past its expiry, sweep or not
                unindex(state);
                end(state);
                return new Lookup(Found.EXPIRED, null);
            }
            if (state.enter(now)) {
                return new Lookup(Found.LIVE, state);
            }
        }
        return new Lookup(Found.ABSENT, null);
    }

    @Override
    public Allocation allocate(String pageId, String owner) {
        for (;;) {
            long now = System.nanoTime();
            MemoryPage candidate = new MemoryPage(pageId, owner, now);
            MemoryPage existing = pages.putIfAbsent(pageId, candidate);
            MemoryPage state = existing == null ? candidate : existing;
            if (!state.owner().equals(owner)) {
                throw new ForeignPageException();
            }
            if (state.enter(now)) {
                return new Allocation(state, existing == null);
            }
            pages.remove(pageId, state); // lost a race with its end: start the page afresh
        }
    }

    @Override
    public void started(Page page) {
        MemoryPage state = (MemoryPage) page;
        lifecycle.started(state);
        List<MemoryPage> overSessionCap = new ArrayList<>(1);
        byOwner.compute(state.owner(), (owner, owned) -> {
            MemoryPage[] pages = owned == null ? new MemoryPage[] {state} : with(withoutEnded(owned), state);
            if (pages.length > settings.maxPerSession()) {
                MemoryPage victim = LeastRecentlyUsed.pick(Arrays.asList(pages), MemoryPage::lastAccessNanos, state, 1)
                        .get(0);
                overSessionCap.add(victim);
                return without(pages, victim);
            }
            return pages;
        });
        overSessionCap.forEach(victim -> requestEnd(victim, PageEndReason.SESSION_LIMIT));
        if (pages.size() > settings.maxTotal()) {
            synchronized (globalCapLock) {
                while (pages.size() > settings.maxTotal()) {
                    List<MemoryPage> victim = LeastRecentlyUsed.pick(pages.values(), MemoryPage::lastAccessNanos,
                            state, 1);
                    if (victim.isEmpty()) {
                        break;
                    }
                    requestEnd(victim.get(0), PageEndReason.GLOBAL_LIMIT);
                }
            }
        }
    }

    @Override
    public void leave(Page page) {
        MemoryPage state = (MemoryPage) page;
        if (state.leave(System.nanoTime())) {
            end(state);
        }
    }

    @Override
    public int sweep() {
        long now = System.nanoTime();
        int count = 0;
        for (MemoryPage state : pages.values()) {
            if (state.expireIfIdle(now, ttlNanos)) {
                // not unindexed from its session here: that lookup was half the time of a big sweep
                pages.remove(state.id(), state);
                end(state);
                count++;
            }
        }
        lifecycle.swept(count, settings.pageTtl(), pages.size() + " live");
        return count;
    }

    @Override
    public void endOwner(String owner, PageEndReason reason) {
        MemoryPage[] owned = byOwner.remove(owner);
        if (owned != null) {
            for (MemoryPage state : owned) {
                requestEnd(state, reason);
            }
        }
    }

    @Override
    public boolean endOwned(String pageId, String owner, PageEndReason reason) {
        MemoryPage state = pages.get(pageId);
        if (state == null || !state.owner().equals(owner)) {
            return false;
        }
        requestEnd(state, reason);
        return true;
    }

    @Override
    public void shutdown() {
        List<MemoryPage> all = new ArrayList<>(pages.values());
        all.forEach(state -> requestEnd(state, PageEndReason.SHUTDOWN));
        if (!all.isEmpty()) {
            LOG.info(() -> "Nex ended " + PageLifecycle.pages(all.size()) + " at shutdown");
        }
    }

    @Override
    public int livePages() {
        return pages.size();
    }

    @Override
    public long storeEntries() {
        long entries = 0;
        for (MemoryPage state : pages.values()) {
            entries += state.entries().size();
        }
        return entries;
    }

    @Override
    public byte[] idSecret() {
        return idSecret.clone();
    }

    @Override
    public void probe() {
        // the store is this JVM's heap: it answers whenever this code runs
    }

    private void requestEnd(MemoryPage state, PageEndReason reason) {
        unindex(state);
        if (state.requestEnd(reason)) {
            end(state);
        }
    }

    private void unindex(MemoryPage state) {
        pages.remove(state.id(), state);
        byOwner.computeIfPresent(state.owner(), (owner, owned) -> without(owned, state));
    }

    /** Runs a page's end: called exactly once per page, by whoever {@link MemoryPage} told to. */
    private void end(MemoryPage state) {
        lifecycle.end(state, state.endReason());
        state.dropEntries();
    }

    private static MemoryPage[] with(MemoryPage[] pages, MemoryPage added) {
        MemoryPage[] copy = Arrays.copyOf(pages, pages.length + 1);
        copy[pages.length] = added;
        return copy;
    }

    private static MemoryPage[] withoutEnded(MemoryPage[] pages) {
        return Arrays.stream(pages).filter(page -> page.endReason() == null).toArray(MemoryPage[]::new);
    }

    /** {@code pages} without {@code removed}; {@code null} (no entry) when none is left. */
    private static MemoryPage[] without(MemoryPage[] pages, MemoryPage removed) {
        int index = Arrays.asList(pages).indexOf(removed);
        if (index < 0) {
            return pages;
        }
        if (pages.length == 1) {
            return null;
        }
        MemoryPage[] copy = new MemoryPage[pages.length - 1];
        System.arraycopy(pages, 0, copy, 0, index);
        System.arraycopy(pages, index + 1, copy, index, copy.length - index);
        return copy;
    }
}
