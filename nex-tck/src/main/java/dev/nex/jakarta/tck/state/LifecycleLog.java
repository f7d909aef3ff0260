package dev.nex.jakarta.tck.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.PageStore;

/**
 * Counts, per page, the scope events and {@code @PreDestroy} calls, and records end reasons. Witnesses what each
 * step of an end sees (SPEC 5.5): {@code CurrentPage} must be the ending page, {@code PageStore} must read its
 * {@link #MARK} (which {@link PageCounter} stored when created), and in {@code @BeforeDestroyed} the page's
 * {@code @PageScoped} bean must resolve to its existing instance. Each step that saw all that counts in
 * {@code sawOwnPage}; anything else is described in {@code sawOther}.
 */
@ApplicationScoped
public class LifecycleLog {

    /** The store key under which a page's {@link PageCounter} stores the page's own id. */
    static final String MARK = "mark";
    static final String[] EVENTS = {"initialized", "beforeDestroyed", "destroyed", "preDestroy", "sawOwnPage"};

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final Map<String, String> sawOther = new ConcurrentHashMap<>();

    @Inject
    CurrentPage page;

    @Inject
    PageStore store;

    @Inject
    BeanManager beans;

    void initialized(@Observes @Initialized(PageScoped.class) PageEvent event) {
        record(event.pageId(), "initialized");
    }

    void beforeDestroyed(@Observes @BeforeDestroyed(PageScoped.class) PageEvent event) {
        record(event.pageId(), "beforeDestroyed");
        if (witness(event.pageId(), "beforeDestroyed", page, store) && !ownCounterResolves()) {
            sawOther.merge(event.pageId(), "beforeDestroyed:no-bean", (a, b) -> a + "," + b);
        }
    }

    void destroyed(@Observes @Destroyed(PageScoped.class) PageEvent event) {
        record(event.pageId(), "destroyed");
        reasons.merge(event.pageId(), event.endReason().map(Enum::name).orElse("NONE"), (a, b) -> a + "," + b);
        witness(event.pageId(), "destroyed", page, store);
    }

    /**
     * Notes whether {@code step} of the end of {@code pageId} sees that page through {@code current} and
     * {@code pageStore}; {@code true} if it did.
     */
    boolean witness(String pageId, String step, CurrentPage current, PageStore pageStore) {
        String seen;
        try {
            String id = current.getId();
            Object mark = pageStore.get(MARK, null);
            if (id.equals(pageId) && pageId.equals(mark)) {
                record(pageId, "sawOwnPage");
                return true;
            }
            seen = step + ":page=" + shortId(id) + "/mark=" + (mark == null ? "none" : shortId(mark.toString()));
        } catch (RuntimeException e) {
            seen = step + ":" + e.getClass().getSimpleName();
        }
        sawOther.merge(pageId, seen, (a, b) -> a + "," + b);
        return false;
    }

    /** The bound page's existing {@link PageCounter} instance, without creating one. */
    private boolean ownCounterResolves() {
        Bean<?> counter = beans.resolve(beans.getBeans(PageCounter.class));
        Object instance = beans.getContext(PageScoped.class).get(counter);
        return instance instanceof PageCounter;
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }

    public void record(String pageId, String what) {
        counts.computeIfAbsent(pageId + "|" + what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Every page this log saw an event of. */
    public java.util.Set<String> pages() {
        java.util.Set<String> pages = new java.util.TreeSet<>();
        counts.keySet().forEach(key -> pages.add(key.substring(0, key.indexOf('|'))));
        return pages;
    }

    /** {@code initialized=1;beforeDestroyed=1;destroyed=1;preDestroy=1;sawOwnPage=3;reason=EXPIRED;sawOther=} */
    public String describe(String pageId) {
        StringBuilder out = new StringBuilder();
        for (String event : EVENTS) {
            AtomicInteger count = counts.get(pageId + "|" + event);
            out.append(event).append('=').append(count == null ? 0 : count.get()).append(';');
        }
        return out.append("reason=").append(reasons.getOrDefault(pageId, "")).append(";sawOther=")
                .append(sawOther.getOrDefault(pageId, "")).toString();
    }
}
