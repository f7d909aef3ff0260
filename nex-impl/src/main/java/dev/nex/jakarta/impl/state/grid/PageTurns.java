package dev.nex.jakarta.impl.state.grid;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import dev.nex.jakarta.impl.state.PageBusyException;

/**
 * Turns at a page's {@code @PageScoped} beans across the cluster (SPEC 5.6): a request that uses the beans takes
 * the page's turn before it first reads one and gives it back when it ends, so each sees the beans as the request
 * before it left them.
 * <p>
 * On one node, requests of a page queue on a fair local semaphore, so only the first of them asks the grid, and
 * a request that ends hands the lease to the next one waiting here unless another node claimed it, together with
 * the beans as it left them: the next request runs while the write-back is on its way. The lease leaves the node
 * only once the writes of the node's turns have landed. On the grid a turn is a lease under the page's key: the
 * turn's id, when the lease lapses, and the node that waits next (its claim). A holder gives a claimed turn
 * straight to the claiming node, so two busy nodes alternate instead of one node winning every race. The holder's
 * node renews its leases ({@link #renewHeld}); the lease of a node that died lapses within {@link #leaseMillis}
 * and the next node takes it.
 */
final class PageTurns {

    private static final Logger LOG = Logger.getLogger(PageTurns.class.getName());
    /** Longest pause between two looks at a lease held elsewhere. */
    private static final long MAX_PAUSE_MILLIS = 16;

    private final Grid grid;
    private final String prefix;
    private final String node;
    private final long leaseMillis;
    private final AtomicLong turnNumbers = new AtomicLong();
    private final Map<String, LocalQueue> queues = new ConcurrentHashMap<>();
    /** Page id → id of the turn this node holds there: the leases to renew. */
    private final Map<String, String> held = new ConcurrentHashMap<>();

    PageTurns(Grid grid, String prefix, String node, long leaseMillis) {
        this.grid = grid;
        this.prefix = prefix;
        this.node = node;
        this.leaseMillis = leaseMillis;
    }

    /** A request's turn at a page: {@link #end} it exactly once. */
    final class Turn {
        private final String pageId;
        private final String turnId;
        /** The lease as this node last wrote or read it: a release first tries to remove just that. */
        private final String lease;
        private final LocalQueue queue;
        private final Map<String, byte[]> handedBeans;

        private Turn(String pageId, String lease, LocalQueue queue, Map<String, byte[]> handedBeans) {
            this.pageId = pageId;
            this.turnId = Lease.decode(lease).turnId();
            this.lease = lease;
            this.queue = queue;
            this.handedBeans = handedBeans;
        }

        /**
         * The stored forms of the page's beans as the request before this one on this node left them, its write
         * possibly still on its way; {@code null} if the turn came from the grid (read them there).
         */
        Map<String, byte[]> handedBeans() {
            return handedBeans;
        }

        /**
         * The stored forms of the page's beans as the latest request of this node to end its turn left them: what
         * a write-back writes, whenever it runs, so that writes landing in any order leave the newest forms.
         */
        Map<String, byte[]> newestBeans() {
            return queue.beans;
        }

        /**
         * Ends the turn: gives it to the next request of this node, keeping the lease, unless another node claimed
         * it or none waits here; then runs {@code writeBack}, this request's write of {@code beans} ({@code null}
         * if nothing changed). The next request here starts from {@code beans} (read from the grid if
         * {@code null}) while that write is on its way; the lease goes to another node or is freed only once
         * every write of this node's turns has landed.
         */
        void end(Map<String, byte[]> beans, Runnable writeBack) {
            boolean handed = false;
            queue.beans = beans;
            if (writeBack != null) {
                queue.writeStarted(); // before the hand-off: the next request may free the lease
            }
            try {
                try {
                    handed = handOver();
                } finally {
                    if (writeBack != null) {
                        try {
                            writeBack.run();
                        } finally {
                            queue.writeEnded();
                        }
                    }
                }
            } finally {
                try {
                    if (!handed) {
                        queue.awaitWrites();
                        release(pageId, turnId, lease);
                    }
                } finally {
                    if (!handed) {
                        held.remove(pageId, turnId);
                        queue.turn.release();
                    }
                    quit(pageId);
                }
            }
        }

        /**
         * Keeps the lease on this node for its next request, unless another node claimed it or no other request
         * of this node is at the page. An earlier request whose write is still on its way counts: the next request
         * to come then finds the lease here, and the last request to leave the page frees it ({@link #quit}).
         */
        private boolean handOver() {
            String unclaimed = queue.users > 1 ? unclaimed(pageId, turnId) : null;
            if (unclaimed == null) {
                return false;
            }
            queue.kept = unclaimed;
            queue.turn.release();
            return true;
        }
    }

    /**
     * Waits for page {@code pageId}'s turn, at most {@code timeout} while other requests hold it. Time the grid
     * itself takes to answer (a member leaving or joining moves its partitions) is not the page being busy: a
     * turn that is free when the grid answers is taken however late that is.
     *
     * @throws PageBusyException if other requests held the turn longer than {@code timeout}
     */
    Turn take(String pageId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LocalQueue queue = queues.compute(pageId, (id, existing) -> {
            LocalQueue joined = existing == null ? new LocalQueue() : existing;
            joined.users++;
            return joined;
        });
        Turn turn = null;
        try {
            if (!queue.turn.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PageBusyException(shortId(pageId), timeout, "held by another request on this node");
            }
            try {
                String kept = queue.kept;
                queue.kept = null;
                turn = kept != null ? new Turn(pageId, kept, queue, queue.beans)
                        : new Turn(pageId, lease(pageId, deadline, timeout), queue, null);
                held.put(pageId, turn.turnId);
            } finally {
                if (turn == null) {
                    queue.turn.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageBusyException(shortId(pageId), timeout, "interrupted while waiting");
        } finally {
            if (turn == null) {
                quit(pageId);
            }
        }
        return turn;
    }

    /** Extends the leases of the turns this node holds: called every third of a lease. */
    void renewHeld() {
        long lapses = System.currentTimeMillis() + leaseMillis;
        held.forEach((pageId, turnId) -> {
            String raw = grid.get(prefix + pageId);
            Lease lease = raw == null ? null : Lease.decode(raw);
            if (lease != null && lease.turnId().equals(turnId)) {
                grid.replace(prefix + pageId, raw, new Lease(turnId, lapses, lease.claimant()).encode());
            }
        });
    }

    /** Removes leases that lapsed: their holder died, or their page ended while a claim waited. */
    void removeLapsed(String key) {
        String raw = grid.get(key);
        if (raw != null && Lease.decode(raw).lapsed(System.currentTimeMillis())) {
            grid.remove(key, raw);
        }
    }

    /**
     * Takes the lease on the grid and returns it as written; refused if it is still held elsewhere once the
     * deadline passed.
     */
    private String lease(String pageId, long deadline, Duration timeout) throws InterruptedException {
        String key = prefix + pageId;
        String turnId = node + "/" + turnNumbers.incrementAndGet();
        long pause = 1;
        String raw = null; // a page's turn is mostly free: first try to take it without reading it
        for (;;) {
            long now = System.currentTimeMillis();
            String mine = new Lease(turnId, now + leaseMillis, "").encode();
            if (raw == null) {
                if (grid.putIfAbsent(key, mine)) {
                    return mine;
                }
                raw = grid.get(key);
                continue;
            }
            Lease lease = Lease.decode(raw);
            if (lease.lapsed(now) || lease.reservedFor(node)) {
                if (grid.replace(key, raw, mine)) {
                    return mine;
                }
                raw = grid.get(key);
                continue;
            }
            if (System.nanoTime() >= deadline) {
                withdrawClaim(key);
                throw new PageBusyException(shortId(pageId), timeout, lease.turnId().isEmpty()
                        ? "reserved for node " + shortId(lease.claimant())
                        : "held by node " + shortId(lease.turnId().substring(0, lease.turnId().lastIndexOf('/'))));
            }
            if (lease.claimant().isEmpty()) {
                grid.replace(key, raw, lease.claimedBy(node)); // lost to a change of the lease: claimed next look
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            raw = grid.get(key);
        }
    }

    /** A node that stops waiting takes back its claim, so that the turn is not reserved for nobody. */
    private void withdrawClaim(String key) {
        String raw = grid.get(key);
        if (raw == null) {
            return;
        }
        Lease lease = Lease.decode(raw);
        if (lease.reservedFor(node)) {
            grid.remove(key, raw);
        } else if (lease.claimant().equals(node)) {
            grid.replace(key, raw, new Lease(lease.turnId(), lease.lapsesAt(), "").encode());
        }
    }

    /** Frees turn {@code turnId}'s lease, last seen as {@code seen}, or gives it to the node that claimed it. */
    private void release(String pageId, String turnId, String seen) {
        String key = prefix + pageId;
        if (grid.remove(key, seen)) { // unchanged since: neither renewed nor claimed
            return;
        }
        for (;;) {
            String raw = grid.get(key);
            Lease lease = raw == null ? null : Lease.decode(raw);
            if (lease == null || !lease.turnId().equals(turnId)) {
                LOG.warning(() -> "The turn at page " + shortId(pageId)
                        + " lapsed while a request held it (a pause longer than the lease?): its beans may have "
                        + "been changed in parallel");
                return;
            }
            boolean released = lease.claimant().isEmpty() ? grid.remove(key, raw)
                    : grid.replace(key, raw, new Lease("", System.currentTimeMillis() + leaseMillis,
                            lease.claimant()).encode());
            if (released) {
                return;
            }
        }
    }

    /** Page ids and node ids as logged: their first eight characters. */
    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }

    /** The page's lease if turn {@code turnId} still holds it and no other node claimed it, else {@code null}. */
    private String unclaimed(String pageId, String turnId) {
        String raw = grid.get(prefix + pageId);
        Lease lease = raw == null ? null : Lease.decode(raw);
        return lease != null && lease.turnId().equals(turnId) && lease.claimant().isEmpty() ? raw : null;
    }

    private void quit(String pageId) {
        LocalQueue[] left = {null};
        queues.computeIfPresent(pageId, (id, queue) -> {
            if (--queue.users > 0) {
                return queue;
            }
            left[0] = queue;
            return null;
        });
        String kept = left[0] == null ? null : left[0].kept;
        if (kept != null) { // kept for a request that stopped waiting
            String turnId = Lease.decode(kept).turnId();
            try {
                release(pageId, turnId, kept);
            } finally {
                held.remove(pageId, turnId);
            }
        }
    }

    /** This node's requests waiting for or holding a page's turn. */
    private static final class LocalQueue {
        final Semaphore turn = new Semaphore(1, true);
        /**
         * Requests of this node at the page: waiting, holding the turn, or writing back. Changed only inside the
         * map's compute functions.
         */
        volatile int users;
        /** The lease a request kept for the next request here when it ended, taken without a grid call. */
        volatile String kept;
        /** The page's beans as the latest request here to end its turn left them ({@link Turn#newestBeans}). */
        volatile Map<String, byte[]> beans;
        /** Write-backs of this node's turns on their way to the grid. */
        private int writing;

        synchronized void writeStarted() {
            writing++;
        }

        synchronized void writeEnded() {
            if (--writing == 0) {
                notifyAll();
            }
        }

        /** Waits until every write-back of this node's turns has landed (or failed). */
        synchronized void awaitWrites() {
            boolean interrupted = false;
            while (writing > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the lease must not move before the writes land
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A turn on the grid: the holder's turn id ({@code ""} while reserved for the claimant), when it lapses, and
     * the node that claimed it next ({@code ""} if none).
     */
    record Lease(String turnId, long lapsesAt, String claimant) {

        static Lease decode(String raw) {
            String[] parts = raw.split("\\|", -1);
            return new Lease(parts[0], Long.parseLong(parts[1]), parts[2]);
        }

        String encode() {
            return turnId + "|" + lapsesAt + "|" + claimant;
        }

        boolean lapsed(long now) {
            return lapsesAt <= now;
        }

        boolean reservedFor(String node) {
            return turnId.isEmpty() && claimant.equals(node);
        }

        String claimedBy(String node) {
            return new Lease(turnId, lapsesAt, node).encode();
        }
    }
}
