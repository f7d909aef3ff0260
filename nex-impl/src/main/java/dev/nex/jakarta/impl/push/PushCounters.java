package dev.nex.jakarta.impl.push;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The push figures of this node (SPEC 9, 12.2): open streams and events dropped. A bean of its own, so that the
 * statistics read them on any thread (the metrics exporter's) without creating the streams' bean there.
 */
@ApplicationScoped
public class PushCounters {

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
