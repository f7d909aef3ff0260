package dev.nex.jakarta.impl.state.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageBeanStorage;

/**
 * The state of one live page kept in this JVM ({@code nex.store=memory}): its store entries and
 * {@code @PageScoped} beans, its owner, and its lifecycle.
 * <p>
 * The lifecycle is one atomic word, so that "requests in flight", "end requested (and why)" and "ended" change
 * together: a page ends exactly once (SPEC 6), never under an in-flight request (SPEC 6.8), and an idle page
 * expires only if no request came in since its idleness was checked.
 * <pre>
 * bits  0-23  requests in flight
 * bits 24-26  end reason (ordinal + 1), 0 while live
 * bit  27     ended: the one caller that set it runs the end
 * bits 32-63  entries so far (a generation: makes "idle since" checks immune to enter/leave in between)
 * </pre>
 * Memory is spent on what the page uses (bench/RESULTS.md): the entry map and the bean map are created by their
 * first write, and the lifecycle is a field, not an object.
 */
public final class MemoryPage implements Page {

    private static final long IN_FLIGHT = 0xFF_FFFFL;
    private static final int REASON_SHIFT = 24;
    private static final long REASON = 0x7L << REASON_SHIFT;
    private static final long ENDED = 1L << 27;
    private static final long ENTRY = 1L << 32;
    private static final PageEndReason[] REASONS = PageEndReason.values();
    private static final VarHandle LIFECYCLE;

    static {
        try {
            LIFECYCLE = MethodHandles.lookup().findVarHandle(MemoryPage.class, "lifecycle", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String id;
    private final String owner;
    private volatile Map<String, Object> entries;
    private volatile PageBeanStorage beans;
    @SuppressWarnings("unused") // through LIFECYCLE
    private volatile long lifecycle;
    private volatile long lastAccessNanos;

    public MemoryPage(String id, String owner, long nowNanos) {
        this.id = id;
        this.owner = owner;
        this.lastAccessNanos = nowNanos;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public Object get(String key) {
        Map<String, Object> current = entries;
        return current == null ? null : current.get(key);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(entries().keySet());
    }

    @Override
    public void put(String key, Object value) {
        writableEntries().put(key, value);
    }

    @Override
    public <T> Object update(String key, T defaultValue, UnaryOperator<T> fn) {
        // compute() runs fn under the entry's lock: parallel updates of one key are serialized, fn runs once
        return writableEntries().compute(key,
                (k, current) -> fn.apply(current == null ? defaultValue : cast(current)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Override
    public void remove(String key) {
        Map<String, Object> current = entries;
        if (current != null) {
            current.remove(key);
        }
    }

    @Override
    public void clear() {
        Map<String, Object> current = entries;
        if (current != null) {
            current.clear();
        }
    }

    /** The entries, to read: an empty immutable map until the first write. */
    public Map<String, Object> entries() {
        Map<String, Object> current = entries;
        return current == null ? Map.of() : current;
    }

    /** The entries, to write: created on first use. */
    private Map<String, Object> writableEntries() {
        Map<String, Object> current = entries;
        if (current == null) {
            synchronized (this) {
                current = entries;
                if (current == null) {
                    current = new ConcurrentHashMap<>(2); // most pages hold a few entries; it grows as needed
                    entries = current;
                }
            }
        }
        return current;
    }

    /** The {@code @PageScoped} instances, created on first use. */
    @Override
    public PageBeanStorage beans() {
        PageBeanStorage current = beans;
        if (current == null) {
            synchronized (this) {
                current = beans;
                if (current == null) {
                    current = new PageBeanStorage(PageBeanStorage.Source.NONE);
                    beans = current;
                }
            }
        }
        return current;
    }

    public long lastAccessNanos() {
        return lastAccessNanos;
    }

    /** Counts a request in. {@code false} if the page is ending: it must then be treated as gone. */
    public boolean enter(long nowNanos) {
        for (;;) {
            long current = lifecycle;
            if ((current & REASON) != 0) {
                return false;
            }
            if (LIFECYCLE.compareAndSet(this, current, current + 1 + ENTRY)) {
                lastAccessNanos = nowNanos;
                return true;
            }
        }
    }

    /** Counts a request out. {@code true} if an end was waiting for it: the caller must now run the end. */
    public boolean leave(long nowNanos) {
        lastAccessNanos = nowNanos;
        for (;;) {
            long current = lifecycle;
            long next = current - 1;
            if ((next & IN_FLIGHT) == 0 && (next & REASON) != 0) {
                next |= ENDED;
            }
            if (LIFECYCLE.compareAndSet(this, current, next)) {
                return (next & ENDED) != 0 && (current & ENDED) == 0;
            }
        }
    }

    /**
     * Asks the page to end for {@code reason}. Only the first request counts. {@code true} if nothing is in flight:
     * the caller must run the end now; otherwise the last request to leave will.
     */
    public boolean requestEnd(PageEndReason reason) {
        for (;;) {
            long current = lifecycle;
            if ((current & REASON) != 0) {
                return false;
            }
            long next = current | ((long) (reason.ordinal() + 1) << REASON_SHIFT);
            if ((next & IN_FLIGHT) == 0) {
                next |= ENDED;
            }
            if (LIFECYCLE.compareAndSet(this, current, next)) {
                return (next & ENDED) != 0;
            }
        }
    }

    /**
     * Ends the page for {@link PageEndReason#EXPIRED} if it is live, has nothing in flight and was last used more
     * than {@code ttlNanos} ago (SPEC 6.1). {@code true} if the caller must run the end now.
     */
    public boolean expireIfIdle(long nowNanos, long ttlNanos) {
        long current = lifecycle;
        if ((current & (IN_FLIGHT | REASON)) != 0 || nowNanos - lastAccessNanos <= ttlNanos) {
            return false;
        }
        long expired = current | ((long) (PageEndReason.EXPIRED.ordinal() + 1) << REASON_SHIFT) | ENDED;
        return LIFECYCLE.compareAndSet(this, current, expired);
    }

    /** The reason the page ended or is ending, or {@code null} while it is live. */
    public PageEndReason endReason() {
        int code = (int) ((lifecycle & REASON) >>> REASON_SHIFT);
        return code == 0 ? null : REASONS[code - 1];
    }

    /** A page that never had a bean gets no storage for its end. */
    @Override
    public void destroyBeans() {
        PageBeanStorage current;
        synchronized (this) {
            current = beans;
            if (current == null) {
                beans = PageBeanStorage.ENDED;
                return;
            }
        }
        current.destroyAll();
    }

    /**
     * Drops the entries of an ended page. Dropping is unlinking, not clearing: the sweep ends pages by the
     * million, and the maps' memory need not be touched.
     */
    public void dropEntries() {
        entries = null;
    }
}
