package dev.nex.jakarta.bench;

import java.lang.management.ManagementFactory;

/** Heap in use after full collections: what is still reachable, give or take a few KB of JVM noise. */
final class Heap {

    private Heap() {
    }

    static long retained() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) { // until it stops shrinking: finalizers and reference queues settle
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
