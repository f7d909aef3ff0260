package dev.nex.jakarta.impl.push;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import dev.nex.jakarta.impl.state.SharedState;

/**
 * Push across a cluster (SPEC 12.4), through the data grid and nothing else. Each page's events are in a
 * {@link PushLog} on the grid, which also names the node that holds the page's stream. A sender on any node
 * appends to the log and rings the holder's inbox, a set of page ids on the grid; the holder looks at its inbox
 * every {@value #POLL_MILLIS} ms and reads the logs it was rung for. A node's own sends reach its own streams at
 * once. A page's end marks its log ended and rings the holder, whose stream then gets the final event; the ended
 * log stays a minute, so that a sender still running finds it ended rather than starting it anew, then goes.
 */
final class GridRelay {

    private static final Logger LOG = Logger.getLogger(GridRelay.class.getName());
    private static final String LOG_KEY = "push-log:";
    private static final String INBOX_KEY = "push-inbox:";
    static final long POLL_MILLIS = 50;
    private static final long ENDED_LOG_MILLIS = 60_000;
    /** Page ids an inbox keeps: more can wait only for a node that is gone, whose browsers reconnect elsewhere. */
    private static final int INBOX_LIMIT = 1_000;

    private final SharedState shared;
    private final int capacity;
    private final PushCounters counters;
    private final Local local;
    /** Ended logs this node removes, and when. */
    private final Map<String, Long> endedLogs = new ConcurrentHashMap<>();
    private final Supplier<ManagedThreadFactory> threads;
    private Thread poller;

    /** This node's channels. */
    interface Local {
        /** The page's channel here, or {@code null}. */
        PageChannel channel(String pageId);

        /** The page ended: its channel here ends its stream with the final event, and goes. */
        void end(String pageId);
    }

    GridRelay(SharedState shared, int capacity, PushCounters counters, Local local,
            Supplier<ManagedThreadFactory> threads) {
        this.shared = shared;
        this.capacity = capacity;
        this.counters = counters;
        this.local = local;
        this.threads = threads;
    }

    /** Appends an event to the page's log, and tells the node holding its stream. */
    void send(String pageId, String name, String html) {
        boolean[] dropped = {false};
        String raw = shared.update(LOG_KEY + pageId, current -> {
            dropped[0] = false;
            if (current == null && !shared.pageExists(pageId)) {
                return null; // the page ended while its sender ran: nothing will ever read the event
            }
            PushLog log = PushLog.decode(current);
            if (log.ended()) {
                return current;
            }
            PushLog.Appended appended = log.append(name, html, capacity);
            dropped[0] = appended.dropped();
            return appended.log().encode();
        });
        if (dropped[0]) {
            counters.dropped();
        }
        if (raw != null) {
            PushLog log = PushLog.decode(raw);
            if (shared.node().equals(log.holder())) {
                deliver(pageId, log);
            } else if (!log.holder().isEmpty()) {
                ring(log.holder(), pageId);
            }
        }
    }

    /** Makes this node the holder of the page's stream; returns the log as it is now. */
    PushLog hold(String pageId) {
        startPolling();
        return PushLog.decode(shared.update(LOG_KEY + pageId,
                current -> PushLog.decode(current).ended() ? current : PushLog.decode(current)
                        .heldBy(shared.node()).encode()));
    }

    /** This node's stream of the page closed, and no other stream of it is open here. */
    void released(String pageId) {
        shared.update(LOG_KEY + pageId,
                current -> current == null ? null : PushLog.decode(current).releasedBy(shared.node()).encode());
    }

    /** A stream here took the page's events up to {@code sequence}. */
    void taken(String pageId, long sequence) {
        shared.update(LOG_KEY + pageId,
                current -> current == null ? null : PushLog.decode(current).taken(sequence).encode());
    }

    /** The page ended on this node: its log ends, and the node holding its stream is told. */
    void ended(String pageId) {
        String raw = shared.update(LOG_KEY + pageId,
                current -> current == null ? null : PushLog.decode(current).ending().encode());
        if (raw == null) {
            return;
        }
        String holder = PushLog.decode(raw).holder();
        if (!holder.isEmpty() && !holder.equals(shared.node())) {
            ring(holder, pageId);
        }
        endedLogs.put(pageId, System.currentTimeMillis() + ENDED_LOG_MILLIS);
        startPolling();
    }

    private void deliver(String pageId, PushLog log) {
        PageChannel channel = local.channel(pageId);
        if (channel != null) {
            channel.offer(log.events(), log.takenUpTo());
        }
    }

    private void ring(String node, String pageId) {
        shared.update(INBOX_KEY + node, current -> {
            Set<String> ids = ids(current);
            ids.add(pageId);
            while (ids.size() > INBOX_LIMIT) {
                ids.remove(ids.iterator().next());
            }
            return String.join(",", ids);
        });
    }

    private static Set<String> ids(String joined) {
        Set<String> ids = new LinkedHashSet<>();
        if (joined != null && !joined.isEmpty()) {
            ids.addAll(Arrays.asList(joined.split(",")));
        }
        return ids;
    }

    private synchronized void startPolling() {
        if (poller == null) {
            poller = threads.get().newThread(this::poll);
            poller.setName("nex-push-inbox");
            poller.setDaemon(true);
            poller.start();
        }
    }

    synchronized void stop() {
        if (poller != null) {
            poller.interrupt();
        }
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(POLL_MILLIS);
                readInbox();
                removeEndedLogs();
            } catch (InterruptedException e) {
                return; // the application is going away
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reading this node's push inbox on the grid failed; trying again in "
                        + POLL_MILLIS + " ms", e);
            }
        }
    }

    /** The pages this node was rung for: their streams here get what their logs hold now. */
    private void readInbox() {
        Set<String> rung = ids(shared.get(INBOX_KEY + shared.node()));
        if (rung.isEmpty()) {
            return;
        }
        shared.update(INBOX_KEY + shared.node(), current -> {
            Set<String> left = ids(current);
            left.removeAll(rung);
            return left.isEmpty() ? null : String.join(",", left);
        });
        for (String pageId : rung) {
            PageChannel channel = local.channel(pageId);
            if (channel != null) {
                String raw = shared.get(LOG_KEY + pageId);
                PushLog log = PushLog.decode(raw);
                channel.offer(log.events(), log.takenUpTo());
                if (raw == null || log.ended()) {
                    local.end(pageId);
                }
            }
        }
    }

    private void removeEndedLogs() {
        long now = System.currentTimeMillis();
        endedLogs.forEach((pageId, due) -> {
            if (due <= now) {
                endedLogs.remove(pageId);
                shared.update(LOG_KEY + pageId,
                        current -> current != null && PushLog.decode(current).ended() ? null : current);
            }
        });
    }
}
