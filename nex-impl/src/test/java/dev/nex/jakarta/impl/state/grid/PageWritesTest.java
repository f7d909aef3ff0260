package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Combined writes of page records (SPEC 10.3): parallel changes of a page, on one "node" or two sharing one map in
 * this JVM, each written exactly once. The real grids are {@code ClusterModeTest}'s.
 */
class PageWritesTest {

    private static final String PAGE = "page";
    private static final String KEY = "count";

    private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();
    private final AtomicInteger replaces = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A node's writes over the shared map, each compare-and-set taking a round trip of 2 ms. */
    private PageWrites node() {
        Grid map = new MapGrid(shared);
        Grid slow = (Grid) Proxy.newProxyInstance(Grid.class.getClassLoader(), new Class<?>[] {Grid.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("replace")) {
                        replaces.incrementAndGet();
                        Thread.sleep(2);
                    }
                    return method.invoke(map, args);
                });
        return new PageWrites(slow, UnaryOperator.identity());
    }

    @Test
    void parallelChangesOfAPageAreWrittenTogetherAndNoneIsLost() throws Exception {
        shared.put(PAGE, PageRecord.empty("owner", 0, "v").encode());
        PageWrites node = node();
        increment(List.of(node), 8, 50);
        assertEquals(400, count());
        assertTrue(replaces.get() < 200, "changes that arrive while a write is on its way ride on the next one: "
                + replaces.get() + " compare-and-sets for 400 changes");
    }

    @Test
    void changesOnTwoNodesOfOnePageAreAllWritten() throws Exception {
        shared.put(PAGE, PageRecord.empty("owner", 0, "v").encode());
        increment(List.of(node(), node()), 8, 50); // a write lost to the other node runs its changes again
        assertEquals(400, count());
    }

    @Test
    void failingChangeIsThrownToItsCallerAndLeavesTheRecordAsItWas() {
        shared.put(PAGE, PageRecord.empty("owner", 0, "v").encode());
        PageWrites node = node();
        increment(node);
        IllegalStateException failure = new IllegalStateException("refused");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> node.modify(PAGE, record -> {
            throw failure;
        }, null, null)));
        increment(node);
        assertEquals(2, count());
    }

    @Test
    void writeStartsFromTheRecordTheRequestSawAndReadsAgainIfSomeoneWroteSince() {
        String initial = PageRecord.empty("owner", 0, "v").encode();
        shared.put(PAGE, initial);
        PageWrites node = node();
        node.modify(PAGE, PageWritesTest::plusOne, null, initial);
        assertEquals(1, count());
        node.modify(PAGE, PageWritesTest::plusOne, null, initial); // stale: the first write changed it
        assertEquals(2, count(), "a record seen before another write is not written over");
        node.modify(PAGE, PageWritesTest::plusOne, null, shared.get(PAGE));
        assertEquals(3, count());
        assertEquals(node.modify(PAGE, PageWritesTest::plusOne, null, null), shared.get(PAGE),
                "returns the record written");
        assertEquals(4, count());
    }

    @Test
    void pageThatIsGoneIsNotBroughtBack() {
        PageRecord absent = PageRecord.empty("owner", 0, "v");
        PageRecord[] seen = {null};
        node().modify(PAGE, record -> seen[0] = record, absent, null);
        assertSame(absent, seen[0]);
        assertTrue(shared.isEmpty());
    }

    private void increment(List<PageWrites> nodes, int threadCount, int each) throws Exception {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            PageWrites node = nodes.get(t % nodes.size());
            workers.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    increment(node);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }

    private static void increment(PageWrites node) {
        node.modify(PAGE, PageWritesTest::plusOne, null, null);
    }

    private static PageRecord plusOne(PageRecord record) {
        byte[] current = record.entries().get(KEY);
        int next = current == null ? 1 : Integer.parseInt(new String(current, StandardCharsets.UTF_8)) + 1;
        return record.withEntry(KEY, Integer.toString(next).getBytes(StandardCharsets.UTF_8));
    }

    private int count() {
        return Integer.parseInt(new String(PageRecord.decode(shared.get(PAGE)).entries().get(KEY),
                StandardCharsets.UTF_8));
    }
}
