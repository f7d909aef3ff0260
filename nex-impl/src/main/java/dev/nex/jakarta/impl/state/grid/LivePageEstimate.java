package dev.nex.jakarta.impl.state.grid;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pages live in the cluster, as an estimate on the grid, so that the global cap (SPEC 6.4) is checked
 * when pages are created, not only at the sweep (SPEC 10.9) without a grid write per page. Each node counts the
 * pages it creates and ends, and adds them to the estimate once they reach a batch; the sweep sets the exact count.
 * The estimate therefore lags by less than a batch per node: the cap may be overshot by that much until the next
 * check ({@link #batchFor}). It only decides when to count exactly: which pages end is decided on the exact count.
 */
final class LivePageEstimate {

    private final Grid grid;
    private final String key;
    private final int cap;
    private final int batch;
    private final AtomicInteger unreported = new AtomicInteger();

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
        return add(1) > cap;
    }

    /** This node ended a page. */
    void ended() {
        add(-1);
    }

    /** The exact count, from a walk over every page. */
    void reset(long live) {
        grid.update(key, any -> Long.toString(live));
    }

    /** Counts {@code delta}; reports a full batch to the grid. Returns the estimate, or 0 if nothing was reported. */
    private long add(int delta) {
        int pending = unreported.addAndGet(delta);
        if (Math.abs(pending) < batch || !unreported.compareAndSet(pending, 0)) {
            return 0;
        }
        return Long.parseLong(grid.update(key,
                raw -> Long.toString(Math.max(0, (raw == null ? 0 : Long.parseLong(raw)) + pending))));
    }
}
