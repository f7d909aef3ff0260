package dev.nex.jakarta.impl.push;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push side of one page on this node (SPEC 12.2): the last events sent to it, in order, and its one open
 * stream. A sender only appends under this channel's lock and never waits for a browser: a drain task on the
 * executor writes to the stream, one task per stream at a time, so a slow browser holds up nobody but its own
 * drain. The buffer is bounded: the oldest event goes when a new one does not fit, and counts as dropped if no
 * stream had taken it. It keeps the last events taken, too, for a browser that reconnects with
 * {@code Last-Event-ID}.
 */
final class PageChannel {

    private static final Logger LOG = Logger.getLogger(PageChannel.class.getName());

    private final int capacity;
    private final Executor drains;
    private final PushCounters counters;
    /** Told the last sequence a drain took: on a grid, the cluster's log keeps it. */
    private final LongConsumer taken;
    private final ArrayDeque<PushedEvent> buffer = new ArrayDeque<>();
    private long lastSequence;
    /** The last sequence handed to a stream: later events were never on their way to a browser. */
    private long takenUpTo;
    private Attachment attached;
    private boolean ended;
    private long lastUsedNanos = System.nanoTime();

    PageChannel(int capacity, Executor drains, PushCounters counters, LongConsumer taken) {
        this.capacity = capacity;
        this.drains = drains;
        this.counters = counters;
        this.taken = taken;
    }

    /** One stream's connection to this page: where it is in the sequence, and whether its drain runs. */
    final class Attachment {
        private final EventStream stream;
        private final Runnable release;
        private long next;
        private boolean draining;
        private boolean heartbeatDue;
        private boolean opened;
        private boolean released;
        /** When the drain's current write began ({@code System.nanoTime}), 0 while it writes nothing. */
        private volatile long writingSince;

        private Attachment(EventStream stream, Runnable release) {
            this.stream = stream;
            this.release = release;
        }

        /** Gives back the stream's place in its session's count: once, whichever way it closed. */
        private void release() {
            synchronized (PageChannel.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release.run();
        }
    }

    /** What a drain does next. */
    private enum Action {
        OPEN, WRITE, HEARTBEAT, END, CLOSE, IDLE
    }

    private record Step(Action action, List<PushedEvent> events) {
    }

    /** Appends an event; it reaches the open stream, or waits in the buffer for one. */
    void send(String name, String html) {
        Attachment wake;
        synchronized (this) {
            if (ended) {
                return; // the page ended while its sender ran: no stream will ever ask for it
            }
            buffer.addLast(new PushedEvent(++lastSequence, name, html));
            if (buffer.size() > capacity && buffer.removeFirst().sequence() > takenUpTo) {
                counters.dropped();
            }
            lastUsedNanos = System.nanoTime();
            wake = wake(attached);
        }
        start(wake);
    }

    /**
     * Takes events numbered by the cluster's log of the page (SPEC 12.4): those after the last one here join the
     * buffer, and the open stream gets them. Drops were counted where the log dropped them.
     *
     * @param takenElsewhere the last sequence a stream of any node took
     */
    void offer(List<PushedEvent> logged, long takenElsewhere) {
        Attachment wake;
        synchronized (this) {
            if (ended) {
                return;
            }
            for (PushedEvent event : logged) {
                if (event.sequence() > lastSequence) {
                    buffer.addLast(event);
                    lastSequence = event.sequence();
                }
            }
            while (buffer.size() > capacity) {
                buffer.removeFirst();
            }
            takenUpTo = Math.max(takenUpTo, takenElsewhere);
            lastUsedNanos = System.nanoTime();
            wake = wake(attached);
        }
        start(wake);
    }

    /**
     * Makes {@code stream} this page's stream, replacing (and closing) the one open before. It gets the events
     * after {@code lastEventId} that the buffer still has or, without one, those no stream has taken yet.
     *
     * @param release gives back the stream's place in its session's count when it closes
     * @return {@code false} if the page ended meanwhile: the caller ends the stream
     */
    boolean attach(EventStream stream, Long lastEventId, Runnable release) {
        Attachment fresh = new Attachment(stream, release);
        Attachment replaced;
        synchronized (this) {
            if (ended) {
                return false;
            }
            replaced = wake(attached);
            attached = fresh;
            boolean resumable = lastEventId != null && lastEventId <= lastSequence;
            fresh.next = (resumable ? lastEventId : takenUpTo) + 1;
            fresh.draining = true;
            lastUsedNanos = System.nanoTime();
        }
        start(replaced);
        start(fresh);
        return true;
    }

    /** Whether this page has an open stream. */
    synchronized boolean hasStream() {
        return attached != null;
    }

    /**
     * The page ended: its stream gets the events still due, then the final event (SPEC 12.1).
     *
     * @param here write them on the calling thread, not the executor: the application is going away, and its
     *             executor may refuse tasks already
     */
    void end(boolean here) {
        Attachment wake;
        synchronized (this) {
            ended = true;
            wake = wake(attached);
        }
        if (here && wake != null) {
            drain(wake);
        } else {
            start(wake);
        }
    }

    /**
     * Closes the open stream without the final event, on the calling thread: the node goes away, the page lives on
     * in the cluster, and the browser reconnects to another node.
     */
    void close() {
        Attachment closing;
        synchronized (this) {
            closing = attached;
        }
        if (closing != null) {
            letGo(closing);
        }
    }

    /**
     * Asks the open stream for a heartbeat, unless it has events to write anyway; closes it if a write has hung
     * since before {@code stalledBefore}: its browser stopped reading, and the write's thread is freed.
     */
    void heartbeat(long stalledBefore) {
        Attachment wake;
        Attachment stalled = null;
        synchronized (this) {
            if (attached == null) {
                return;
            }
            long since = attached.writingSince;
            if (since != 0 && since - stalledBefore < 0) {
                stalled = attached;
            }
            attached.heartbeatDue = true;
            wake = wake(attached);
        }
        if (stalled != null) {
            stalled.stream.close(); // the hung write fails, and its drain lets go of the stream
        }
        start(wake);
    }

    /** No stream open and nothing sent since {@code cutoffNanos}: a channel its page's end has not reached. */
    synchronized boolean idleSince(long cutoffNanos) {
        return attached == null && lastUsedNanos - cutoffNanos < 0;
    }

    /** {@code attachment}, if its drain must be started; marks it as draining. */
    private Attachment wake(Attachment attachment) {
        if (attachment == null || attachment.draining) {
            return null;
        }
        attachment.draining = true;
        return attachment;
    }

    private void start(Attachment attachment) {
        if (attachment == null) {
            return;
        }
        try {
            drains.execute(() -> drain(attachment));
        } catch (RejectedExecutionException e) {
            letGo(attachment); // the application is going away: no task will write any more
        }
    }

    private void drain(Attachment attachment) {
        for (;;) {
            Step step = next(attachment);
            attachment.writingSince = System.nanoTime() | 1; // never 0
            try {
                switch (step.action()) {
                    case OPEN -> attachment.stream.open();
                    case WRITE -> {
                        for (PushedEvent event : step.events()) {
                            attachment.stream.send(event);
                        }
                        attachment.stream.flush();
                        taken.accept(step.events().get(step.events().size() - 1).sequence());
                    }
                    case HEARTBEAT -> attachment.stream.heartbeat();
                    case END -> {
                        attachment.stream.end();
                        attachment.release();
                        return;
                    }
                    case CLOSE -> {
                        attachment.stream.close();
                        attachment.release();
                        return;
                    }
                    case IDLE -> {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) { // the browser went away, or stopped reading
                LOG.log(Level.FINE, "An event stream closed", e);
                letGo(attachment);
                return;
            } finally {
                attachment.writingSince = 0;
            }
        }
    }

    private synchronized Step next(Attachment attachment) {
        if (attachment != attached) {
            attachment.draining = false;
            return new Step(Action.CLOSE, List.of());
        }
        if (!attachment.opened) {
            attachment.opened = true;
            return new Step(Action.OPEN, List.of());
        }
        List<PushedEvent> due = buffer.stream().filter(event -> event.sequence() >= attachment.next).toList();
        if (!due.isEmpty()) {
            long last = due.get(due.size() - 1).sequence();
            attachment.next = last + 1;
            takenUpTo = Math.max(takenUpTo, last);
            attachment.heartbeatDue = false;
            return new Step(Action.WRITE, due);
        }
        if (ended) {
            attached = null;
            return new Step(Action.END, List.of());
        }
        if (attachment.heartbeatDue) {
            attachment.heartbeatDue = false;
            return new Step(Action.HEARTBEAT, List.of());
        }
        attachment.draining = false;
        return new Step(Action.IDLE, List.of());
    }

    /** Closes {@code attachment}'s stream without the final event and gives back its place: once, however often. */
    private void letGo(Attachment attachment) {
        detach(attachment);
        attachment.stream.close();
        attachment.release();
    }

    private synchronized void detach(Attachment attachment) {
        if (attached == attachment) {
            attached = null;
        }
        attachment.draining = false;
    }
}
