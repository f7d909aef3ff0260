package dev.nex.jakarta.impl.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nex.jakarta.impl.state.SharedState;

/**
 * SPEC 12.4 on two nodes that share one map as their grid: events sent on node B reach the stream node A holds,
 * in order; the page's end on B ends A's stream; a stream that moves to B gets what followed its last event.
 */
class GridRelayTest {

    private static final String PAGE = "page-1";
    private final Map<String, String> grid = new ConcurrentHashMap<>();
    private final Node a = new Node("node-a");
    private final Node b = new Node("node-b");

    /** One node: its relay and its channels, as {@link PushStreams} keeps them. */
    private final class Node {
        final Map<String, PageChannel> channels = new ConcurrentHashMap<>();
        final PushCounters counters = new PushCounters();
        final GridRelay relay;

        Node(String id) {
            SharedState shared = new SharedState() {
                @Override
                public String node() {
                    return id;
                }

                @Override
                public String get(String key) {
                    return grid.get(key);
                }

                @Override
                public String update(String key, UnaryOperator<String> change) {
                    for (;;) {
                        String raw = grid.get(key);
                        String next = change.apply(raw);
                        if (Objects.equals(raw, next)) {
                            return raw;
                        }
                        boolean written = raw == null ? grid.putIfAbsent(key, next) == null
                                : next == null ? grid.remove(key, raw) : grid.replace(key, raw, next);
                        if (written) {
                            return next;
                        }
                    }
                }

                @Override
                public boolean pageExists(String pageId) {
                    return true;
                }
            };
            relay = new GridRelay(shared, 4, counters, new GridRelay.Local() {
                @Override
                public PageChannel channel(String pageId) {
                    return channels.get(pageId);
                }

                @Override
                public void end(String pageId) {
                    PageChannel channel = channels.remove(pageId);
                    if (channel != null) {
                        channel.end(false);
                    }
                }
            }, Threads::new);
        }

        /** Opens the page's stream here, as {@link PushStreams#open} does. */
        Recording stream(Long lastEventId) {
            PageChannel channel = channels.computeIfAbsent(PAGE, id -> new PageChannel(4, Runnable::run, counters,
                    taken -> relay.taken(id, taken)));
            PushLog log = relay.hold(PAGE);
            channel.offer(log.events(), log.takenUpTo());
            Recording stream = new Recording();
            assertTrue(channel.attach(stream, lastEventId, () -> { }));
            return stream;
        }
    }

    private static final class Threads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }

    /** What a browser received. */
    private static final class Recording implements EventStream {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void open() {
        }

        @Override
        public void send(PushedEvent event) {
            received.add(event.sequence() + ":" + event.html());
        }

        @Override
        public void flush() {
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void end() throws IOException {
            received.add("end");
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void stop() {
        a.relay.stop();
        b.relay.stop();
    }

    @Test
    void eventsSentOnEitherNodeReachTheStreamHeldByAInOrder() {
        Recording stream = a.stream(null);
        b.relay.send(PAGE, "item", "b1");
        a.relay.send(PAGE, "item", "a2");
        b.relay.send(PAGE, "item", "b3");
        await(() -> stream.received.size() == 3);
        assertEquals(List.of("1:b1", "2:a2", "3:b3"), stream.received);
    }

    @Test
    void eventsSentBeforeTheStreamOpensAreInTheLogItReads() {
        b.relay.send(PAGE, "item", "early");
        Recording stream = a.stream(null);
        assertEquals(List.of("1:early"), stream.received);
    }

    @Test
    void thePagesEndOnBEndsTheStreamOnA() {
        Recording stream = a.stream(null);
        b.relay.send(PAGE, "item", "last");
        b.relay.ended(PAGE);
        await(() -> stream.received.contains("end"));
        assertEquals(List.of("1:last", "end"), stream.received);
        b.relay.send(PAGE, "item", "too late");
        assertTrue(PushLog.decode(grid.get("push-log:" + PAGE)).ended());
        assertEquals(1, PushLog.decode(grid.get("push-log:" + PAGE)).lastSequence(), "an ended log takes nothing");
    }

    @Test
    void aStreamThatMovesToBGetsWhatFollowedItsLastEventAndBIsRungFromThenOn() {
        Recording first = a.stream(null);
        a.relay.send(PAGE, "item", "1");
        a.relay.send(PAGE, "item", "2");
        assertEquals(List.of("1:1", "2:2"), first.received);
        a.channels.remove(PAGE);
        a.relay.released(PAGE);
        a.relay.send(PAGE, "item", "3");
        Recording moved = b.stream(1L);
        assertEquals(List.of("2:2", "3:3"), moved.received);
        a.relay.send(PAGE, "item", "4");
        await(() -> moved.received.size() == 3);
        assertEquals("4:4", moved.received.get(2));
    }

    @Test
    void aFullLogCountsWhatNoStreamTookOnTheSendingNode() {
        for (int i = 1; i <= 6; i++) {
            b.relay.send(PAGE, "item", String.valueOf(i));
        }
        assertEquals(2, b.counters.droppedCount());
        Recording stream = a.stream(null);
        assertEquals(List.of("3:3", "4:4", "5:5", "6:6"), stream.received);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
