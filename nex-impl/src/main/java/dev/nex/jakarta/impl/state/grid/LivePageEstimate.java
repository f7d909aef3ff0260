package dev.nex.jakarta.impl.state.grid;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pages live in the cluster, as an estimate on the grid, so that the global cap (SPEC 6.4) is checked
 * when pages are created, not only at the sweep (SPEC 10.9) without a grid write per page. Each node counts the
 * pages it creates and ends, and adds them to the estimate once they reach a batch; a walk over the pages (the
 * sweep's, or one at creation) sets it from its count. The estimate therefore lags by less than a batch per node:
 * the cap may be overshot by that much until the next check ({@link #batchFor}). It only decides when to count
 * exactly: which pages end is decided on the exact count.
 * <p>
 * On the grid: {@code <live>|<created>}, the second an ever-growing count of the pages created. A walk misses
 * pages created while it runs, so its count is raised by those reported meanwhile: an estimate set from a walk
 * may be too high (harmless: an exact count at the next creation), never too low.
 */
final class LivePageEstimate {

    private final Grid grid;
    private final String key;
    private final int cap;
    private final int batch;
    /** Pages created minus pages ended on this node, not yet reported. */
    private final AtomicInteger unreported = new AtomicInteger();
    /** Pages created on this node, not yet reported. */
    private final AtomicInteger unreportedCreated = new AtomicInteger();

    LivePageEstimate(Grid grid, String key, int cap) {
        this.grid = grid;
        this.key = key;
        this.cap = cap;
        this.batch = batchFor(cap);
    }

    /** Pages a node counts before it reports them: 1% of the cap, between 1 and 100. */
    static int batchFor(int cap) {
        return Math.max(1, Math.min(100, cap / 100));
    }

    /** A page was created on this node; {@code true} if the cluster may now be over the cap. */
    boolean created() {
        unreportedCreated.incrementAndGet();
        return add(1) > cap;
    }

    /** This node ended a page. */
    void ended() {
        add(-1);
    }

    /** To be taken before a walk over the pages, and given to {@link #walked} with its count. */
    long beforeWalk() {
        return Count.parse(grid.get(key)).created();
    }

    /**
     * Sets the estimate to {@code live}, counted by a walk that began at {@code beforeWalk}, plus the pages created
     * since.
     */
    void walked(long live, long beforeWalk) {
        grid.update(key, raw -> {
            Count now = Count.parse(raw);
            return new Count(live + Math.max(0, now.created() - beforeWalk), now.created()).toString();
        });
    }

    /** Counts {@code delta}; reports a full batch to the grid. Returns the estimate, or 0 if nothing was reported. */
    private long add(int delta) {
        int pending = unreported.addAndGet(delta);
        if (Math.abs(pending) < batch || !unreported.compareAndSet(pending, 0)) {
            return 0;
        }
        int created = unreportedCreated.getAndSet(0); // may run ahead of pending: a walk's count only rises
        return Count.parse(grid.update(key, raw -> {
            Count now = Count.parse(raw);
            return new Count(Math.max(0, now.live() + pending), now.created() + created).toString();
        })).live();
    }

    /** The value on the grid. */
    private record Count(long live, long created) {

        static Count parse(String raw) {
            if (raw == null) {
                return new Count(0, 0);
            }
            int bar = raw.indexOf('|');
            return bar < 0 ? new Count(Long.parseLong(raw), 0) // as the last version wrote it
                    : new Count(Long.parseLong(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
        }

        @Override
        public String toString() {
            return live + "|" + created;
        }
    }
}
