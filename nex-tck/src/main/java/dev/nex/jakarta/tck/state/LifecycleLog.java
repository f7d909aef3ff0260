package dev.nex.jakarta.tck.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;

/** Counts, per page, the scope events and {@code @PreDestroy} calls, and records end reasons. */
@ApplicationScoped
public class LifecycleLog {

    static final String[] EVENTS = {"initialized", "beforeDestroyed", "destroyed", "preDestroy"};

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    void initialized(@Observes @Initialized(PageScoped.class) PageEvent event) {
        record(event.pageId(), "initialized");
    }

    void beforeDestroyed(@Observes @BeforeDestroyed(PageScoped.class) PageEvent event) {
        record(event.pageId(), "beforeDestroyed");
    }

    void destroyed(@Observes @Destroyed(PageScoped.class) PageEvent event) {
        record(event.pageId(), "destroyed");
        reasons.merge(event.pageId(), event.endReason().map(Enum::name).orElse("NONE"), (a, b) -> a + "," + b);
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

    /** {@code initialized=1;beforeDestroyed=1;destroyed=1;preDestroy=1;reason=EXPIRED} */
    public String describe(String pageId) {
        StringBuilder out = new StringBuilder();
        for (String event : EVENTS) {
            AtomicInteger count = counts.get(pageId + "|" + event);
            out.append(event).append('=').append(count == null ? 0 : count.get()).append(';');
        }
        return out.append("reason=").append(reasons.getOrDefault(pageId, "")).toString();
    }
}
