package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nex.jakarta.impl.state.PageBusyException;

/**
 * The lease logic of page turns (SPEC 5.6), with two "nodes" sharing one map in this JVM. The real grids are
 * {@code ClusterModeTest}'s.
 */
class PageTurnsTest {

    private static final String KEY = "turn:page";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(10);

    private PageTurns node(String name, long leaseMillis) {
        return new PageTurns(new MapGrid(shared), "turn:", name, leaseMillis);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void turnsOfTwoNodesNeverOverlapAndLoseNoChange() throws Exception {
        PageTurns a = node("a", 5_000);
        PageTurns b = node("b", 5_000);
        AtomicInteger inside = new AtomicInteger();
        int[] counter = {0};
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            PageTurns node = t % 2 == 0 ? a : b;
            workers.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    PageTurns.Turn turn = node.take("page", WAIT);
                    assertEquals(1, inside.incrementAndGet(), "one turn at a time");
                    int read = counter[0];
                    Thread.yield(); // a read-modify-write that loses updates unless turns exclude each other
                    counter[0] = read + 1;
                    inside.decrementAndGet();
                    turn.end(Map.of(), null);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        assertEquals(400, counter[0]);
        assertNull(shared.get(KEY), "the last turn freed the lease");
    }

    @Test
    void turnPassesBetweenRequestsOfOneNodeWithoutLeasingAgain() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        Grid map = new MapGrid(shared);
        Grid counting = (Grid) Proxy.newProxyInstance(Grid.class.getClassLoader(), new Class<?>[] {Grid.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("get")) {
                        writes.incrementAndGet();
                    }
                    return method.invoke(map, args);
                });
        PageTurns a = new PageTurns(counting, "turn:", "a", 5_000);
        takeTurns(a, 4, 50);
        assertTrue(writes.get() < 100, "a request that ends hands the lease to the next one waiting on its node: "
                + writes.get() + " grid writes for 200 turns");
        assertNull(shared.get(KEY), "the last turn freed the lease");
    }

    @Test
    void turnClaimedByAnotherNodeGoesThereBeforeTheNextRequestOfItsNode() throws Exception {
        PageTurns a = node("a", 5_000);
        PageTurns b = node("b", 5_000);
        PageTurns.Turn first = a.take("page", WAIT);
        Future<PageTurns.Turn> nextOnA = waitingRequest(a);
        Future<Boolean> onB = claimingRequest(b, () -> !nextOnA.isDone());
        first.end(Map.of(), null);
        assertTrue(onB.get(), "node B claimed the turn: node A's next request does not keep it on node A");
        nextOnA.get().end(Map.of(), null);
        assertNull(shared.get(KEY));
    }

    @Test
    void turnGoesToAnotherNodeOnlyOnceTheWritesOfItsNodesRequestsHaveLanded() throws Exception {
        PageTurns a = node("a", 5_000);
        PageTurns b = node("b", 5_000);
        PageTurns.Turn first = a.take("page", WAIT);
        Future<PageTurns.Turn> second = waitingRequest(a);
        CountDownLatch writeMayLand = new CountDownLatch(1);
        AtomicBoolean landed = new AtomicBoolean();
        threads.submit(() -> {
            first.end(Map.of(), () -> {
                awaitUninterruptibly(writeMayLand);
                landed.set(true);
            });
            return null;
        });
        PageTurns.Turn secondTurn = second.get(); // handed over while the first request's write is on its way
        Future<Boolean> onB = claimingRequest(b, landed::get);
        threads.submit(() -> {
            secondTurn.end(Map.of(), null); // claimed by node B: not kept on node A
            return null;
        });
        Thread.sleep(200);
        assertFalse(onB.isDone(), "node B waits while node A's write is on its way");
        writeMayLand.countDown();
        assertTrue(onB.get(), "node B's turn began after node A's write landed");
    }

    /** A request that waits on {@code node} for the page's turn, which another request there holds. */
    private Future<PageTurns.Turn> waitingRequest(PageTurns node) throws InterruptedException {
        Future<PageTurns.Turn> waiting = threads.submit(() -> node.take("page", WAIT));
        Thread.sleep(100);
        return waiting;
    }

    /**
     * A request on node {@code b} that takes the turn, once its node claimed it, and answers what {@code seen}
     * tells when it got the turn.
     */
    private Future<Boolean> claimingRequest(PageTurns b, BooleanSupplier seen) throws InterruptedException {
        Future<Boolean> request = threads.submit(() -> {
            PageTurns.Turn turn = b.take("page", WAIT);
            boolean atTheStart = seen.getAsBoolean();
            turn.end(Map.of(), null);
            return atTheStart;
        });
        while (!shared.get(KEY).endsWith("|b")) {
            Thread.sleep(5);
        }
        return request;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code count} requests on {@code node}, each taking {@code each} turns that last a millisecond. */
    private Void takeTurns(PageTurns node, int count, int each) throws Exception {
        List<Future<?>> requests = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            requests.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    PageTurns.Turn turn = node.take("page", WAIT);
                    Thread.sleep(1);
                    turn.end(Map.of(), null);
                }
                return null;
            }));
        }
        for (Future<?> request : requests) {
            request.get();
        }
        return null;
    }

    @Test
    void turnHeldByADeadNodeLapsesAfterItsLease() {
        node("dead", 300).take("page", WAIT); // never ended: its node died
        long start = System.nanoTime();
        node("b", 300).take("page", WAIT).end(Map.of(), null);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < WAIT.toMillis());
    }

    @Test
    void heldTurnIsRenewedPastItsLease() throws Exception {
        PageTurns a = node("a", 1_000);
        PageTurns.Turn held = a.take("page", WAIT);
        Thread.sleep(700);
        a.renewHeld();
        Thread.sleep(500); // past the first lease, within the renewed one
        assertThrows(PageBusyException.class, () -> node("b", 1_000).take("page", Duration.ofMillis(20)));
        held.end(Map.of(), null);
    }

    @Test
    void waitingLongerThanTheTimeoutIsRefusedAndLeavesNoClaim() {
        PageTurns a = node("a", 5_000);
        PageTurns.Turn held = a.take("page", WAIT);
        PageBusyException refused = assertThrows(PageBusyException.class,
                () -> node("b", 5_000).take("page", Duration.ofMillis(100)));
        assertTrue(refused.getMessage().contains("(nex.page.lock-timeout); held by node a"), refused.getMessage());
        held.end(Map.of(), null);
        assertNull(shared.get(KEY), "not reserved for the node that gave up");
    }

    @Test
    void endedTurnGoesToTheNodeThatClaimedIt() throws Exception {
        PageTurns a = node("a", 5_000);
        PageTurns b = node("b", 5_000);
        PageTurns.Turn first = a.take("page", WAIT);
        CountDownLatch bHolds = new CountDownLatch(1);
        CountDownLatch bMayEnd = new CountDownLatch(1);
        Future<?> waiting = threads.submit(() -> {
            PageTurns.Turn turn = b.take("page", WAIT);
            bHolds.countDown();
            bMayEnd.await();
            turn.end(Map.of(), null);
            return null;
        });
        while (!shared.get(KEY).endsWith("|b")) {
            Thread.sleep(5);
        }
        first.end(Map.of(), null);
        assertThrows(PageBusyException.class, () -> a.take("page", Duration.ofMillis(200)),
                "node A's next request waits: the turn went to node B, which claimed it");
        assertTrue(bHolds.await(10, java.util.concurrent.TimeUnit.SECONDS));
        bMayEnd.countDown();
        waiting.get();
        a.take("page", WAIT).end(Map.of(), null);
    }

    @Test
    void gridSlowerToAnswerThanTheTimeoutStillGivesAFreeTurn() {
        Grid answering = new MapGrid(shared);
        Grid stalling = (Grid) Proxy.newProxyInstance(Grid.class.getClassLoader(), new Class<?>[] {Grid.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        pause(300); // a member leaving: its partitions move before the grid answers
                    }
                    return method.invoke(answering, args);
                });
        PageTurns.Turn turn = new PageTurns(stalling, "turn:", "a", 5_000).take("page", Duration.ofMillis(50));
        turn.end(Map.of(), null);
        assertNull(shared.get(KEY));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
