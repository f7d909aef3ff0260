package dev.nex.jakarta.impl.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * SPEC 12.2: one page's buffer and stream, with the drains run at once on the calling thread (or held back, to
 * play a stream that is still writing): order, replay after Last-Event-ID, the bound and its count, replacement,
 * and the end.
 */
class PageChannelTest {

    private final PushCounters counters = new PushCounters();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holdDrains;
    private final Executor drains = task -> {
        if (holdDrains) {
            held.add(task);
        } else {
            task.run();
        }
    };
    private final List<Long> taken = new ArrayList<>();
    private final PageChannel channel = new PageChannel(4, drains, counters, taken::add);

    /** What a browser received, as a line per write. */
    private static final class RecordingStream implements EventStream {
        final List<String> received = new ArrayList<>();
        boolean failing;
        boolean closed;

        @Override
        public void open() throws IOException {
            write("open");
        }

        @Override
        public void send(PushedEvent event) throws IOException {
            write(event.sequence() + ":" + event.name() + "=" + event.html());
        }

        @Override
        public void flush() throws IOException {
            if (failing || closed) {
                throw new IOException("gone");
            }
        }

        @Override
        public void heartbeat() throws IOException {
            write("heartbeat");
        }

        @Override
        public void end() throws IOException {
            write("end");
            close();
        }

        @Override
        public void close() {
            closed = true;
        }

        private void write(String line) throws IOException {
            if (failing || closed) {
                throw new IOException("gone");
            }
            received.add(line);
        }
    }

    @Test
    void eventsReachTheOpenStreamInOrder() {
        RecordingStream stream = new RecordingStream();
        assertTrue(channel.attach(stream, null, () -> { }));
        channel.send("a", "1");
        channel.send("b", "2");
        assertEquals(List.of("open", "1:a=1", "2:b=2"), stream.received);
    }

    @Test
    void eventsSentBeforeAnyStreamAreDeliveredOnConnectAndNotAgain() {
        channel.send("a", "1");
        channel.send("a", "2");
        RecordingStream first = new RecordingStream();
        channel.attach(first, null, () -> { });
        assertEquals(List.of("open", "1:a=1", "2:a=2"), first.received);
        RecordingStream second = new RecordingStream();
        channel.attach(second, null, () -> { });
        assertEquals(List.of("open"), second.received, "without Last-Event-ID: only what no stream took");
    }

    @Test
    void aReconnectGetsWhatFollowsItsLastEventIdWhileTheBufferHasIt() {
        channel.attach(new RecordingStream(), null, () -> { });
        for (int i = 1; i <= 5; i++) {
            channel.send("a", String.valueOf(i));
        }
        RecordingStream resumed = new RecordingStream();
        channel.attach(resumed, 3L, () -> { });
        assertEquals(List.of("open", "4:a=4", "5:a=5"), resumed.received);
        RecordingStream fromOld = new RecordingStream();
        channel.attach(fromOld, 0L, () -> { });
        assertEquals(List.of("open", "2:a=2", "3:a=3", "4:a=4", "5:a=5"), fromOld.received,
                "event 1 left the buffer (capacity 4)");
        RecordingStream fromFuture = new RecordingStream();
        channel.attach(fromFuture, 99L, () -> { });
        assertEquals(List.of("open"), fromFuture.received, "an id this page never sent counts as none");
    }

    @Test
    void aFullBufferDropsTheOldestAndCountsOnlyThoseNoStreamTook() {
        for (int i = 1; i <= 6; i++) {
            channel.send("a", String.valueOf(i));
        }
        assertEquals(2, counters.droppedCount());
        RecordingStream stream = new RecordingStream();
        channel.attach(stream, null, () -> { });
        assertEquals(List.of("open", "3:a=3", "4:a=4", "5:a=5", "6:a=6"), stream.received);
        for (int i = 7; i <= 10; i++) {
            channel.send("a", String.valueOf(i));
        }
        assertEquals(2, counters.droppedCount(), "events a stream took are not dropped when they leave");
    }

    @Test
    void aSenderNeverWaitsForAStreamThatIsStillWriting() {
        RecordingStream stream = new RecordingStream();
        holdDrains = true;
        channel.attach(stream, null, () -> { });
        for (int i = 1; i <= 10; i++) {
            channel.send("a", String.valueOf(i)); // the drain is busy elsewhere: these only queue
        }
        assertEquals(1, held.size(), "one drain per stream, not one per event");
        assertEquals(6, counters.droppedCount());
        holdDrains = false;
        held.remove(0).run();
        assertEquals(List.of("open", "7:a=7", "8:a=8", "9:a=9", "10:a=10"), stream.received);
    }

    @Test
    void aNewStreamReplacesTheOldWhichClosesAndGivesBackItsPlace() {
        AtomicInteger released = new AtomicInteger();
        RecordingStream old = new RecordingStream();
        channel.attach(old, null, released::incrementAndGet);
        RecordingStream replacement = new RecordingStream();
        channel.attach(replacement, null, released::incrementAndGet);
        assertTrue(old.closed);
        assertEquals(1, released.get());
        channel.send("a", "1");
        assertEquals(List.of("open"), old.received);
        assertEquals(List.of("open", "1:a=1"), replacement.received);
    }

    @Test
    void theEndWritesWhatIsDueThenTheFinalEventAndRefusesNewStreams() {
        AtomicInteger released = new AtomicInteger();
        RecordingStream stream = new RecordingStream();
        holdDrains = true;
        channel.attach(stream, null, released::incrementAndGet);
        channel.send("a", "1");
        channel.end(false);
        holdDrains = false;
        held.remove(0).run();
        assertEquals(List.of("open", "1:a=1", "end"), stream.received);
        assertTrue(stream.closed);
        assertEquals(1, released.get());
        channel.send("a", "2");
        assertFalse(channel.attach(new RecordingStream(), null, () -> { }), "an ended page opens no stream");
    }

    @Test
    void aBrowserThatWentAwayIsLetGoOnTheNextWrite() {
        AtomicInteger released = new AtomicInteger();
        RecordingStream stream = new RecordingStream();
        channel.attach(stream, null, released::incrementAndGet);
        stream.failing = true;
        channel.heartbeat(System.nanoTime() - 1_000_000_000L);
        assertTrue(stream.closed);
        assertEquals(1, released.get());
        assertFalse(channel.hasStream());
        channel.send("a", "1");
        RecordingStream back = new RecordingStream();
        channel.attach(back, null, () -> { });
        assertEquals(List.of("open", "1:a=1"), back.received, "kept for the stream that comes back");
    }

    @Test
    void anIdleStreamGetsAHeartbeat() {
        RecordingStream stream = new RecordingStream();
        channel.attach(stream, null, () -> { });
        channel.heartbeat(System.nanoTime() - 1_000_000_000L);
        assertEquals(List.of("open", "heartbeat"), stream.received);
    }
}
