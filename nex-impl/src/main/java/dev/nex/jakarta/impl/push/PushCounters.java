package dev.nex.jakarta.impl.push;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The push figures of this node (SPEC 9, 12.2): open streams and events dropped. */
public final class PushCounters {

    private final AtomicInteger openStreams = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();

    void opened() {
        openStreams.incrementAndGet();
    }

    void closed() {
        openStreams.decrementAndGet();
    }

    void dropped() {
        dropped.increment();
    }

    public int openStreams() {
        return openStreams.get();
    }

    public long droppedCount() {
        return dropped.sum();
    }
}
