package dev.nex.jakarta.impl.state.grid;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * This node's writes of page records, each a compare-and-set on the grid (SPEC 10.3), combined: parallel
 * requests of a page mostly land on one node, and written one after another each would wait for the round trips
 * of all before it (bench/RESULTS.md). So a change that arrives while a write of its page is on its way is
 * applied, on its own request's thread, to the record that write sets, together with the other changes that
 * arrive meanwhile, and the next compare-and-set writes them all. If a write loses to another node's, each of its
 * changes, and of the changes applied on top of it, runs again on the newer record.
 */
final class PageWrites {

    private final Grid grid;
    /** What every write sets besides the changes: the writing version, the time of access. */
    private final UnaryOperator<PageRecord> stamp;
    /** Striped: a lock per page would have to be created and dropped with the page. */
    private final Stripe[] stripes = new Stripe[256];

    PageWrites(Grid grid, UnaryOperator<PageRecord> stamp) {
        this.grid = grid;
        this.stamp = stamp;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    /**
     * Applies {@code change} to page {@code pageId}'s record on the grid, again on a newer record until it is
     * written; returns the record written. A change that returns the record it was given writes nothing. A page
     * that is gone is not brought back: {@code change} then applies to {@code absent}, nothing is written and the
     * result is {@code null}. An exception of {@code change} is thrown here and leaves the record as it was.
     *
     * @param seen the record as the caller last read or wrote it, if no other request may have written it since
     *             (else {@code null}): the first try starts from it instead of reading the grid
     */
    String modify(String pageId, UnaryOperator<PageRecord> change, PageRecord absent, String seen) {
        Stripe stripe = stripes[Math.floorMod(pageId.hashCode(), stripes.length)];
        String base = seen;
        stripe.lock.lock();
        try {
            for (;;) {
                Queue queue = stripe.pages.computeIfAbsent(pageId, id -> new Queue());
                Write write = queue.open;
                if (write == null) {
                    write = newWrite(pageId, queue, base);
                    if (write == null) {
                        stripe.dropIfIdle(pageId, queue);
                        change.apply(absent);
                        return null;
                    }
                    queue.open = write;
                }
                base = null; // it did not hold, if the change runs again
                try {
                    write.record = change.apply(write.record);
                } catch (RuntimeException | Error e) {
                    if (write.changes == 0) { // nobody else's change rides on it
                        queue.open = null;
                        stripe.dropIfIdle(pageId, queue);
                    }
                    throw e;
                }
                write.changes++;
                if (written(stripe, pageId, queue, write)) {
                    return write.encoded;
                }
            }
        } finally {
            stripe.lock.unlock();
        }
    }

    /**
     * A write that starts where the write on its way will leave the record, or from {@code seen}, or from the
     * grid's record; {@code null} if the page is gone.
     */
    private Write newWrite(String pageId, Queue queue, String seen) {
        if (queue.sending != null) {
            return new Write(queue.sending.encoded, queue.sending.record, false);
        }
        String raw = seen != null ? seen : grid.get(pageId);
        return raw == null ? null : new Write(raw, PageRecord.decode(raw), seen != null);
    }

    /**
     * Waits until {@code write}, which holds the caller's change, is written, or writes it itself once the write
     * before it is done; {@code false} if it lost to another node's write (the change must run again).
     */
    private boolean written(Stripe stripe, String pageId, Queue queue, Write write) {
        while (write.outcome == null) {
            if (queue.sending == null && queue.open == write) {
                send(stripe, pageId, queue, write);
            } else {
                stripe.done.awaitUninterruptibly();
            }
        }
        if (write.outcome instanceof RuntimeException failure) {
            throw failure;
        }
        if (write.outcome instanceof Error failure) {
            throw failure;
        }
        return write.outcome == Boolean.TRUE;
    }

    /**
     * Sends {@code write} to the grid, letting further changes collect meanwhile. A write whose changes all left
     * the record as it was sends nothing, once its record is known to be the grid's: the changes decided on it.
     */
    private void send(Stripe stripe, String pageId, Queue queue, Write write) {
        queue.open = null;
        queue.sending = write;
        boolean unchanged = write.record == write.start;
        if (unchanged) {
            write.encoded = write.base;
        } else {
            write.record = stamp.apply(write.record);
            write.encoded = write.record.encode();
        }
        Object outcome = Boolean.TRUE;
        if (!unchanged || write.guessed) {
            stripe.lock.unlock();
            try {
                outcome = unchanged ? write.base.equals(grid.get(pageId))
                        : grid.replace(pageId, write.base, write.encoded);
            } catch (RuntimeException | Error e) {
                outcome = e;
            } finally {
                stripe.lock.lock();
            }
        }
        write.outcome = outcome;
        queue.sending = null;
        if (outcome != Boolean.TRUE && queue.open != null) { // it started from what this write would have left
            queue.open.outcome = outcome;
            queue.open = null;
        }
        stripe.dropIfIdle(pageId, queue);
        stripe.done.signalAll();
    }

    /** One lock for the pages whose ids hash to it, and their queues of writes. */
    private static final class Stripe {
        final ReentrantLock lock = new ReentrantLock();
        final Condition done = lock.newCondition();
        final Map<String, Queue> pages = new HashMap<>();

        void dropIfIdle(String pageId, Queue queue) {
            if (queue.open == null && queue.sending == null) {
                pages.remove(pageId, queue);
            }
        }
    }

    /** A page's write on its way to the grid, and the one collecting changes to send after it. */
    private static final class Queue {
        Write sending;
        Write open;
    }

    /** Changes of one or more requests, to be written over {@link #base} with one compare-and-set. */
    private static final class Write {
        final String base;
        /** {@link #base} decoded: the record before the changes. */
        final PageRecord start;
        /** {@code true} if {@link #base} is what a request last saw, not read from the grid for this write. */
        final boolean guessed;
        PageRecord record;
        int changes;
        /** The record as sent; set when it is sent. */
        String encoded;
        /** {@code true} written, {@code false} lost to another write, or the grid's exception. */
        Object outcome;

        Write(String base, PageRecord record, boolean guessed) {
            this.base = base;
            this.start = record;
            this.record = record;
            this.guessed = guessed;
        }
    }
}
