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
 * the page's turn before it first reads one and gives it back with the write of its instances, so each sees the
 * beans as the request before it left them.
 * <p>
 * A turn is a lease kept in the page's record ({@link PageRecord#turn()}): the turn's id, when the lease lapses,
 * and the node that waits next (its claim). Taking it is one write of the record, which also brings the beans as
 * the last holder left them; giving it back goes with the write of the instances. A holder gives a claimed turn
 * straight to the claiming node, so two busy nodes alternate instead of one node winning every race. The holder's
 * node renews its leases ({@link #renewHeld}); the lease of a node that died lapses within {@link #leaseMillis}
 * and the next node takes it.
 * <p>
 * On one node, requests of a page queue on a fair local semaphore, so only the first of them asks the grid, and a
 * request that ends hands the lease to the next one waiting here unless another node claimed it, together with
 * the beans as it left them: the next request runs while the write-back is on its way. The lease leaves the node
 * only once the writes of the node's turns have landed.
 */
final class PageTurns {

    private static final Logger LOG = Logger.getLogger(PageTurns.class.getName());
    /** Longest pause between two looks at a lease held elsewhere. */
    private static final long MAX_PAUSE_MILLIS = 16;
    /** What a change to a page that is gone sees: the change writes nothing then. */
    private static final PageRecord GONE = PageRecord.empty("", 0, "");

    private final Grid grid;
    private final PageWrites writes;
    private final String node;
    private final long leaseMillis;
    private final AtomicLong turnNumbers = new AtomicLong();
    private final Map<String, LocalQueue> queues = new ConcurrentHashMap<>();
    /** Page id → id of the turn this node holds there: the leases to renew. */
    private final Map<String, String> held = new ConcurrentHashMap<>();

    PageTurns(Grid grid, PageWrites writes, String node, long leaseMillis) {
        this.grid = grid;
        this.writes = writes;
        this.node = node;
        this.leaseMillis = leaseMillis;
    }

    /** A request's turn at a page: {@link #end} it exactly once. */
    final class Turn {
        private final String pageId;
        private final String turnId;
        private final String record;
        private final Map<String, byte[]> beans;
        private final LocalQueue queue;

        private Turn(String pageId, String turnId, String record, Map<String, byte[]> beans, LocalQueue queue) {
            this.pageId = pageId;
            this.turnId = turnId;
            this.record = record;
            this.beans = beans;
            this.queue = queue;
        }

        /**
         * The page's record as written when the turn was taken from the grid; {@code null} if the turn came from
         * the request before on this node, or the page is gone.
         */
        String record() {
            return record;
        }

        /**
         * The stored forms of the page's beans as the turn found them: as the last holder left them, its write
         * possibly still on its way if it was the request before on this node. Only the holder of the turn writes
         * them.
         */
        Map<String, byte[]> beans() {
            return beans;
        }

        /**
         * Ends the turn with the page's beans as {@code beans} ({@code changed}: not as the turn found them). It
         * goes to the next request of this node, keeping the lease, if one waits and no other node claimed it:
         * that request runs while this one writes the beans. Otherwise, once every write of this node's turns has
         * landed, one compare-and-set writes the beans and gives the turn to the claiming node, or frees it.
         * Returns the record written, {@code null} if none (or the page is gone).
         *
         * @param seen the record as the request last saw it, or {@code null}: see {@link PageWrites#modify}
         */
        String end(Map<String, byte[]> beans, boolean changed, String seen) {
            queue.beans = beans;
            if (changed) {
                queue.writeStarted(); // before the hand-off: the next request may be the one to give the turn away
            }
            if (queue.users > 1 && handOver()) {
                try {
                    return changed ? writes.modify(pageId, this::withNewestBeans, GONE, null) : null;
                } finally {
                    if (changed) {
                        queue.writeEnded();
                    }
                    quit(pageId);
                }
            }
            if (changed) {
                queue.writeEnded(); // written below, with the turn
            }
            try {
                queue.awaitWrites();
                boolean[] lapsed = {false};
                String written = writes.modify(pageId, current -> {
                    Lease lease = Lease.of(current.turn());
                    lapsed[0] = current != GONE && (lease == null || !lease.turnId().equals(turnId));
                    PageRecord left = changed ? withNewestBeans(current) : current;
                    return current == GONE || lapsed[0] ? left : released(left, lease);
                }, GONE, seen);
                if (lapsed[0]) {
                    LOG.warning(() -> "The turn at page " + shortId(pageId)
                            + " lapsed while a request held it (a pause longer than the lease?): its beans may have "
                            + "been changed in parallel");
                }
                return written;
            } finally {
                held.remove(pageId, turnId);
                queue.turn.release();
                quit(pageId);
            }
        }

        /**
         * {@code record} with the beans as the latest request of this node to end its turn left them: retries of
         * a lost compare-and-set may run in any order, so every write-back writes the newest forms.
         */
        private PageRecord withNewestBeans(PageRecord record) {
            return record.withBeans(queue.beans);
        }

        /**
         * Keeps the lease on this node for its next request, unless another node claimed it. Called while another
         * request of this node is at the page: one still writing counts, so that the next request to come finds
         * the lease here; the last request to leave the page frees it ({@link #quit}).
         */
        private boolean handOver() {
            String raw;
            try {
                raw = grid.get(pageId);
            } catch (RuntimeException e) {
                return false; // not known to be unclaimed: given back through the grid, which reports the failure
            }
            Lease lease = raw == null ? null : Lease.of(PageRecord.decode(raw).turn());
            if (lease == null || !lease.turnId().equals(turnId) || !lease.claimant().isEmpty()) {
                return false;
            }
            queue.kept = turnId;
            queue.turn.release();
            return true;
        }
    }

    /** A turn taken from the grid, and the page's record as that write left it ({@code null}: page gone). */
    private record Held(String turnId, String record) {
    }

    /**
     * Waits for page {@code pageId}'s turn, at most {@code timeout} while other requests hold it. Time the grid
     * itself takes to answer (a member leaving or joining moves its partitions) is not the page being busy: a
     * turn that is free when the grid answers is taken however late that is.
     *
     * @param seen the page's record as the request last saw it, or {@code null}: see {@link PageWrites#modify}
     * @throws PageBusyException if other requests held the turn longer than {@code timeout}
     */
    Turn take(String pageId, Duration timeout, String seen) {
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
                if (kept != null) {
                    turn = new Turn(pageId, kept, null, queue.beans, queue);
                } else {
                    Held taken = lease(pageId, deadline, timeout, seen);
                    turn = new Turn(pageId, taken.turnId(), taken.record(),
                            taken.record() == null ? Map.of() : PageRecord.decode(taken.record()).beans(), queue);
                }
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
        held.forEach((pageId, turnId) -> writes.modify(pageId, record -> {
            Lease lease = Lease.of(record.turn());
            return lease != null && lease.turnId().equals(turnId)
                    ? record.withTurn(new Lease(turnId, lapses, lease.claimant()).encode()) : record;
        }, GONE, null));
    }

    /**
     * Takes the lease in the page's record; refused if it is still held elsewhere once the deadline passed. A
     * page that is gone gives a turn at nothing.
     */
    private Held lease(String pageId, long deadline, Duration timeout, String seen) throws InterruptedException {
        String turnId = node + "/" + turnNumbers.incrementAndGet();
        long pause = 1;
        String base = seen;
        for (;;) {
            long now = System.currentTimeMillis();
            Lease[] holder = {null};
            String written = writes.modify(pageId, record -> {
                Lease lease = Lease.of(record.turn());
                if (lease == null || lease.lapsed(now) || lease.reservedFor(node)) {
                    holder[0] = null;
                    return record.withTurn(new Lease(turnId, now + leaseMillis, "").encode());
                }
                holder[0] = lease;
                return lease.claimant().isEmpty() ? record.withTurn(lease.claimedBy(node)) : record;
            }, GONE, base);
            base = null;
            Lease lease = holder[0];
            if (lease == null) {
                return new Held(turnId, written);
            }
            if (System.nanoTime() >= deadline) {
                withdrawClaim(pageId);
                throw new PageBusyException(shortId(pageId), timeout, lease.turnId().isEmpty()
                        ? "reserved for node " + shortId(lease.claimant())
                        : "held by node " + shortId(lease.turnId().substring(0, lease.turnId().lastIndexOf('/'))));
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** A node that stops waiting takes back its claim, so that the turn is not reserved for nobody. */
    private void withdrawClaim(String pageId) {
        writes.modify(pageId, record -> {
            Lease lease = Lease.of(record.turn());
            if (lease != null && lease.reservedFor(node)) {
                return record.withTurn("");
            }
            if (lease != null && lease.claimant().equals(node)) {
                return record.withTurn(new Lease(lease.turnId(), lease.lapsesAt(), "").encode());
            }
            return record;
        }, GONE, null);
    }

    /** {@code record} with the turn {@code lease} (held here) given to the node that claimed it, or freed. */
    private PageRecord released(PageRecord record, Lease lease) {
        return record.withTurn(lease.claimant().isEmpty() ? ""
                : new Lease("", System.currentTimeMillis() + leaseMillis, lease.claimant()).encode());
    }

    /** Page ids and node ids as logged: their first eight characters. */
    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
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
            try {
                writes.modify(pageId, record -> {
                    Lease lease = Lease.of(record.turn());
                    return lease != null && lease.turnId().equals(kept) ? released(record, lease) : record;
                }, GONE, null);
            } finally {
                held.remove(pageId, kept);
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
        /** The turn a request kept for the next request here when it ended, taken without a grid call. */
        volatile String kept;
        /** The page's beans as the latest request here to end its turn left them. */
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
     * A turn: the holder's turn id ({@code ""} while reserved for the claimant), when it lapses, and the node that
     * claimed it next ({@code ""} if none).
     */
    record Lease(String turnId, long lapsesAt, String claimant) {

        /** The lease {@code raw} describes; {@code null} for {@code ""}, no turn. */
        static Lease of(String raw) {
            if (raw.isEmpty()) {
                return null;
            }
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
