package dev.nex.jakarta.impl.state.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.nex.jakarta.PageEndReason;

/** SPEC 6, 6.8: a page ends exactly once, never while a request is in it. */
class MemoryPageTest {

    private static final long TTL = 1_000;

    @Test
    void endWithNothingInFlightRunsAtOnceAndOnlyOnce() {
        MemoryPage page = new MemoryPage("p", "owner", 0);
        assertNull(page.endReason());
        assertTrue(page.requestEnd(PageEndReason.UNLOADED));
        assertFalse(page.requestEnd(PageEndReason.SESSION_ENDED), "the first reason wins, once");
        assertEquals(PageEndReason.UNLOADED, page.endReason());
        assertFalse(page.enter(1), "an ending page takes no more requests");
    }

    @Test
    void endRequestedDuringARequestRunsWhenItLeaves() {
        MemoryPage page = new MemoryPage("p", "owner", 0);
        assertTrue(page.enter(1));
        assertTrue(page.enter(2));
        assertFalse(page.requestEnd(PageEndReason.SESSION_ENDED), "two requests in flight");
        assertFalse(page.leave(3));
        assertTrue(page.leave(4), "the last one out runs the end");
    }

    @Test
    void idlePageExpiresOnlyPastItsTtlAndNeverWhileInUse() {
        MemoryPage page = new MemoryPage("p", "owner", 0);
        assertFalse(page.expireIfIdle(TTL, TTL), "exactly at the TTL it is still live");
        assertTrue(page.enter(TTL));
        assertFalse(page.expireIfIdle(10 * TTL, TTL), "in use");
        assertFalse(page.leave(2 * TTL));
        assertFalse(page.expireIfIdle(2 * TTL + TTL, TTL), "renewed by the request (sliding)");
        assertTrue(page.expireIfIdle(2 * TTL + TTL + 1, TTL));
        assertEquals(PageEndReason.EXPIRED, page.endReason());
        assertFalse(page.expireIfIdle(100 * TTL, TTL), "once");
    }

    @Test
    void underContentionTheEndRunsExactlyOnceAfterTheLastRequest() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            MemoryPage page = new MemoryPage("p", "owner", 0);
            AtomicInteger ends = new AtomicInteger();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger endedWhileInside = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(started(() -> {
                    await(start);
                    for (int i = 0; i < 500; i++) {
                        if (page.enter(i)) {
                            inside.incrementAndGet();
                            inside.decrementAndGet();
                            if (page.leave(i)) {
                                ends.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            threads.add(started(() -> {
                await(start);
                if (page.requestEnd(PageEndReason.SESSION_LIMIT)) {
                    if (inside.get() != 0) {
                        endedWhileInside.incrementAndGet();
                    }
                    ends.incrementAndGet();
                }
                if (page.expireIfIdle(Long.MAX_VALUE / 2, 0)) {
                    ends.incrementAndGet();
                }
            }));
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(1, ends.get(), "round " + round);
            assertEquals(0, endedWhileInside.get());
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
