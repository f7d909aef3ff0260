package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.nex.jakarta.impl.state.PageBusyException;

/**
 * The lease logic of page turns (SPEC 5.6), with two "nodes" sharing one map in this JVM. The real grids are
 * {@code ClusterModeTest}'s.
 */
class PageTurnsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(10);

    @BeforeEach
    void openPage() {
        shared.put("page", PageRecord.empty("owner", 0, "v").encode());
    }

    private PageTurns node(String name, long leaseMillis) {
        return node(new MapGrid(shared), name, leaseMillis);
    }

    private static PageTurns node(Grid grid, String name, long leaseMillis) {
        return new PageTurns(grid, new PageWrites(grid, UnaryOperator.identity()), name, leaseMillis);
    }

    /** The shared map as a grid that counts its writes (every call but {@code get}) in {@code writes}. */
    private Grid countingWrites(AtomicInteger writes) {
        Grid map = new MapGrid(shared);
        return (Grid) Proxy.newProxyInstance(Grid.class.getClassLoader(), new Class<?>[] {Grid.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("get")) {
                        writes.incrementAndGet();
                    }
                    return method.invoke(map, args);
                });
    }

    /** The page's turn as its record holds it: {@code ""} if none. */
    private String turn() {
        return PageRecord.decode(shared.get("page")).turn();
    }

    /** Ends {@code turn} with the beans as it found them. */
    private static void end(PageTurns.Turn turn) {
        turn.end(turn.beans(), false, null);
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
                    PageTurns.Turn turn = node.take("page", WAIT, null);
                    assertEquals(1, inside.incrementAndGet(), "one turn at a time");
                    int read = counter[0];
                    Thread.yield(); // a read-modify-write that loses updates unless turns exclude each other
                    counter[0] = read + 1;
                    inside.decrementAndGet();
                    end(turn);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        assertEquals(400, counter[0]);
        assertEquals("", turn(), "the last turn freed the lease");
    }

    @Test
    void aTurnIsTwoWritesOfTheRecordAndBringsWhatTheTurnBeforeItWrote() {
        AtomicInteger writes = new AtomicInteger();
        Grid counting = countingWrites(writes);
        PageTurns.Turn onA = node(counting, "a", 5_000).take("page", WAIT, null);
        onA.end(Map.of("bean", new byte[] {42}), true, null);
        assertEquals(2, writes.get(), "taking the turn, then writing back and freeing it in one write");
        PageTurns.Turn onB = node("b", 5_000).take("page", WAIT, null);
        assertEquals(42, onB.beans().get("bean")[0]);
        end(onB);
    }

    @Test
    void turnPassesBetweenRequestsOfOneNodeWithoutLeasingAgain() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        Grid counting = countingWrites(writes);
        PageTurns a = node(counting, "a", 5_000);
        takeTurns(a, 4, 50);
        assertTrue(writes.get() < 100, "a request that ends hands the lease to the next one waiting on its node: "
                + writes.get() + " grid writes for 200 turns");
        assertEquals("", turn(), "the last turn freed the lease");
    }

    @Test
    void turnClaimedByAnotherNodeGoesThereBeforeTheNextRequestOfItsNode() throws Exception {
        PageTurns a = node("a", 5_000);
        PageTurns b = node("b", 5_000);
        PageTurns.Turn first = a.take("page", WAIT, null);
        Future<PageTurns.Turn> nextOnA = waitingRequest(a);
        Future<Boolean> onB = threads.submit(() -> {
            PageTurns.Turn turn = b.take("page", WAIT, null);
            boolean beforeNextOnA = !nextOnA.isDone();
            end(turn);
            return beforeNextOnA;
        });
        awaitClaimOfNodeB();
        end(first);
        assertTrue(onB.get(), "node B claimed the turn: node A's next request does not keep it on node A");
        end(nextOnA.get());
        assertEquals("", turn());
    }

    @Test
    void nextRequestOfTheNodeGoesOnWhileTheWriteBeforeItIsOnItsWayButAnotherNodeWaitsForIt() throws Exception {
        CountDownLatch writeMayLand = new CountDownLatch(1);
        AtomicBoolean holdWrites = new AtomicBoolean();
        Grid map = new MapGrid(shared);
        Grid holding = (Grid) Proxy.newProxyInstance(Grid.class.getClassLoader(), new Class<?>[] {Grid.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("replace") && holdWrites.get()) {
                        writeMayLand.await(); // a slow round trip
                    }
                    return method.invoke(map, args);
                });
        PageTurns a = node(holding, "a", 5_000);
        PageTurns b = node("b", 5_000);
        PageTurns.Turn first = a.take("page", WAIT, null);
        Future<PageTurns.Turn> second = waitingRequest(a);
        holdWrites.set(true);
        threads.submit(() -> first.end(Map.of("bean", new byte[] {1}), true, null));
        PageTurns.Turn secondTurn = second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1, secondTurn.beans().get("bean")[0], "the bean as the request before left it, unwritten");
        Future<Byte> onB = threads.submit(() -> {
            PageTurns.Turn turn = b.take("page", WAIT, null);
            byte seen = turn.beans().get("bean")[0];
            turn.end(Map.of("bean", new byte[] {2}), true, null);
            return seen;
        });
        awaitClaimOfNodeB();
        threads.submit(() -> end(secondTurn)); // claimed by node B: not kept on node A
        Thread.sleep(200);
        assertFalse(onB.isDone(), "node B waits while node A's write is on its way");
        writeMayLand.countDown();
        assertEquals(1, onB.get().byteValue(), "node B's turn began after node A's write landed");
        assertEquals(2, PageRecord.decode(shared.get("page")).beans().get("bean")[0], "node B's write stays");
        assertEquals("", turn());
    }

    /** A request that waits on {@code node} for the page's turn, which another request there holds. */
    private Future<PageTurns.Turn> waitingRequest(PageTurns node) throws InterruptedException {
        Future<PageTurns.Turn> waiting = threads.submit(() -> node.take("page", WAIT, null));
        Thread.sleep(100);
        return waiting;
    }

    private void awaitClaimOfNodeB() throws InterruptedException {
        while (!turn().endsWith("|b")) {
            Thread.sleep(5);
        }
    }

    /** {@code count} requests on {@code node}, each taking {@code each} turns that last a millisecond. */
    private Void takeTurns(PageTurns node, int count, int each) throws Exception {
        List<Future<?>> requests = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            requests.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    PageTurns.Turn turn = node.take("page", WAIT, null);
                    Thread.sleep(1);
                    end(turn);
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
        node("dead", 300).take("page", WAIT, null); // never ended: its node died
        long start = System.nanoTime();
        end(node("b", 300).take("page", WAIT, null));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < WAIT.toMillis());
    }

    @Test
    void heldTurnIsRenewedPastItsLease() throws Exception {
        PageTurns a = node("a", 1_000);
        PageTurns.Turn held = a.take("page", WAIT, null);
        Thread.sleep(700);
        a.renewHeld();
        Thread.sleep(500); // past the first lease, within the renewed one
        assertThrows(PageBusyException.class, () -> node("b", 1_000).take("page", Duration.ofMillis(20), null));
        end(held);
    }

    @Test
    void waitingLongerThanTheTimeoutIsRefusedAndLeavesNoClaim() {
        PageTurns a = node("a", 5_000);
        PageTurns.Turn held = a.take("page", WAIT, null);
        PageBusyException refused = assertThrows(PageBusyException.class,
                () -> node("b", 5_000).take("page", Duration.ofMillis(100), null));
        assertTrue(refused.getMessage().contains("(nex.page.lock-timeout); held by node a"), refused.getMessage());
        end(held);
        assertEquals("", turn(), "not reserved for the node that gave up");
    }

    @Test
    void endedTurnGoesToTheNodeThatClaimedIt() throws Exception {
        PageTurns a = node("a", 5_000);
        PageTurns b = node("b", 5_000);
        PageTurns.Turn first = a.take("page", WAIT, null);
        CountDownLatch bHolds = new CountDownLatch(1);
        CountDownLatch bMayEnd = new CountDownLatch(1);
        Future<?> waiting = threads.submit(() -> {
            PageTurns.Turn turn = b.take("page", WAIT, null);
            bHolds.countDown();
            bMayEnd.await();
            end(turn);
            return null;
        });
        awaitClaimOfNodeB();
        end(first);
        assertThrows(PageBusyException.class, () -> a.take("page", Duration.ofMillis(200), null),
                "node A's next request waits: the turn went to node B, which claimed it");
        assertTrue(bHolds.await(10, TimeUnit.SECONDS));
        bMayEnd.countDown();
        waiting.get();
        end(a.take("page", WAIT, null));
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
        PageTurns.Turn turn = node(stalling, "a", 5_000).take("page", Duration.ofMillis(50), null);
        end(turn);
        assertEquals("", turn());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
