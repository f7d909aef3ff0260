package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nex.jakarta.NexConfig;
import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageStateBackend.Found;
import dev.nex.jakarta.impl.state.RoundTripListener;

/**
 * The grid backend's compare-and-set logic, with two "nodes" (two backends) sharing one map in this JVM: ends run
 * once whoever races for them, updates are never lost, one node at a time sweeps. The real grids and servers are
 * {@code ClusterModeTest}'s.
 */
class GridBackendTest {

    private static final String OWNER = "owner-key";

    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private final GridBackend nodeA = node();
    private final GridBackend nodeB = node();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private GridBackend node() {
        return node(Map.of(NexConfig.STORE, "infinispan", NexConfig.PAGE_TTL, "PT0.2S",
                NexConfig.SWEEP_INTERVAL, "PT2S", NexConfig.MAX_PER_SESSION, "2"));
    }

    private GridBackend node(Map<String, String> config) {
        return node(config, "v1");
    }

    private GridBackend node(Map<String, String> config, String applicationVersion) {
        return node(config, applicationVersion, (ConcurrentHashMap<String, String>) shared);
    }

    private static GridBackend node(Map<String, String> config, String applicationVersion,
            ConcurrentHashMap<String, String> grid) {
        GridBackend node = new GridBackend();
        node.settings = NexSettings.load(key -> Optional.ofNullable(config.get(key)));
        node.lifecycle = new PageLifecycle(); // no observers: fires nothing
        node.connect(new MapGrid(grid), applicationVersion);
        return node;
    }

    /** A node of the application's next version. */
    private GridBackend upgradedNode() {
        return node(Map.of(NexConfig.STORE, "infinispan", NexConfig.PAGE_TTL, "PT1M"), "v2");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Page startPage(GridBackend node, String id) {
        Page page = node.allocate(id, OWNER).page();
        node.started(page);
        return page;
    }

    // SPEC 9, readiness: the probe is a write to the grid, and leaves nothing there
    @Test
    void probeWritesToTheGridAndLeavesNothing() {
        List<String> written = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, String> grid = new ConcurrentHashMap<>() {
            @Override
            public String putIfAbsent(String key, String value) {
                written.add(key);
                return super.putIfAbsent(key, value);
            }
        };
        GridBackend node = node(Map.of(NexConfig.STORE, "infinispan"), "v1", grid);
        Set<String> before = Set.copyOf(grid.keySet());
        written.clear();
        node.probe();
        assertEquals(1, written.size(), written::toString);
        assertTrue(written.get(0).startsWith("nex:probe:"), written::toString);
        assertEquals(before, grid.keySet());
    }

    // SPEC 9, readiness: a grid that cannot write fails the probe with its own exception
    @Test
    void probeFailsWhenTheGridFails() {
        GridBackend node = node(Map.of(NexConfig.STORE, "infinispan"), "v1", new ConcurrentHashMap<>() {
            @Override
            public String putIfAbsent(String key, String value) {
                if (key.startsWith("nex:probe:")) {
                    throw new IllegalStateException("Cache is closed");
                }
                return super.putIfAbsent(key, value);
            }
        });
        assertThrows(IllegalStateException.class, node::probe);
    }

    // SPEC 9, metrics: every operation a request makes on the grid is reported with its duration, until stopped
    @Test
    void roundTripsToTheGridAreReportedByOperationUntilTheListenerIsRemoved() {
        List<String> operations = new CopyOnWriteArrayList<>();
        List<Long> durations = new CopyOnWriteArrayList<>();
        nodeA.listenToRoundTrips((operation, nanos) -> {
            operations.add(operation);
            durations.add(nanos);
        });
        Page page = startPage(nodeA, "page-1");
        nodeA.leave(page);
        assertEquals(Found.LIVE, nodeA.lookup("page-1", OWNER).found());
        assertTrue(operations.contains("get") && operations.contains("put_if_absent"), operations::toString);
        assertTrue(durations.stream().allMatch(nanos -> nanos >= 0), durations::toString);

        nodeA.listenToRoundTrips(RoundTripListener.NONE);
        int reported = operations.size();
        nodeA.probe();
        assertEquals(reported, operations.size(), "no report after the listener is removed");
    }

    @Test
    void recordsSurviveTheirEncoding() {
        PageRecord record = PageRecord.empty("o", 42, "v1").withEntry("k", new byte[] {1, 2, 3})
                .withBeans(Map.of("bean", new byte[] {4})).withEntry("ü", new byte[0]);
        PageRecord decoded = PageRecord.decode(record.encode());
        assertEquals("o", decoded.owner());
        assertEquals(42, decoded.lastAccessMillis());
        assertEquals(List.of("k", "ü"), List.copyOf(decoded.entries().keySet()));
        assertEquals(3, decoded.entries().get("k").length);
        assertEquals(1, decoded.beans().get("bean").length);
        assertEquals(record.encode(), decoded.encode(), "one spelling per record: compare-and-set compares it");
    }

    @Test
    void parallelUpdatesFromTwoNodesLoseNone() throws Exception { // SPEC 10.3
        startPage(nodeA, "p");
        List<Future<?>> updates = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            GridBackend node = t % 2 == 0 ? nodeA : nodeB;
            updates.add(threads.submit(() -> {
                Page page = node.lookup("p", OWNER).page();
                for (int i = 0; i < 250; i++) {
                    page.update("n", 0, n -> n + 1);
                }
                node.leave(page);
            }));
        }
        for (Future<?> update : updates) {
            update.get();
        }
        assertEquals(1000, nodeB.lookup("p", OWNER).page().get("n"));
    }

    @Test
    void aPageEndedFromTwoNodesAtOnceEndsOnce() throws Exception { // SPEC 10.5
        for (int round = 0; round < 100; round++) {
            String id = "page-" + round;
            nodeA.leave(startPage(nodeA, id));
            CountDownLatch start = new CountDownLatch(1);
            Future<Boolean> a = threads.submit(() -> {
                start.await();
                return nodeA.endOwned(id, OWNER, PageEndReason.UNLOADED);
            });
            Future<Boolean> b = threads.submit(() -> {
                start.await();
                return nodeB.endOwned(id, OWNER, PageEndReason.UNLOADED);
            });
            start.countDown();
            a.get();
            b.get();
        }
        long ended = nodeA.lifecycle.counters().endedCount(PageEndReason.UNLOADED)
                + nodeB.lifecycle.counters().endedCount(PageEndReason.UNLOADED);
        assertEquals(100, ended);
        assertEquals(0, nodeA.livePages());
    }

    @Test
    void oneNodeAtATimeSweeps() throws InterruptedException { // SPEC 10.5
        nodeA.leave(startPage(nodeA, "a"));
        nodeB.leave(startPage(nodeB, "b"));
        Thread.sleep(300); // past the TTL
        assertEquals(2, nodeA.sweep(), "node A takes the lease and ends both pages");
        nodeB.leave(startPage(nodeB, "c"));
        Thread.sleep(300);
        assertEquals(0, nodeB.sweep(), "node A holds the lease: node B leaves the sweep to it");
        assertEquals(1, nodeA.sweep());
    }

    @Test
    void sweepForgetsSessionsWhosePagesAllEndedUnseen() { // SPEC 10.9: the index stays bounded
        nodeA.leave(startPage(nodeA, "kept"));
        shared.put("nex:owner:crashed", "gone1,gone2"); // its pages ended on a node that died before updating it
        shared.put("nex:owner:mixed", "gone3,kept");
        nodeA.sweep();
        assertNull(shared.get("nex:owner:crashed"));
        assertEquals("gone3,kept", shared.get("nex:owner:mixed"), "a session with a live page keeps its entry");
        assertEquals("kept", shared.get("nex:owner:" + OWNER));
    }

    @Test
    void globalCapHoldsAtCreationOnEitherNodeWithoutASweep() throws InterruptedException { // SPEC 10.9, 6.4
        Map<String, String> config = Map.of(NexConfig.STORE, "infinispan", NexConfig.MAX_TOTAL, "3");
        shared.clear();
        GridBackend[] nodes = {node(config), node(config)};
        for (int i = 1; i <= 5; i++) {
            GridBackend node = nodes[i % 2];
            Page page = node.allocate("p" + i, "owner" + i).page();
            node.started(page);
            node.leave(page);
            Thread.sleep(2); // distinct last accesses: the least recently used is the oldest
        }
        assertEquals(3, nodes[0].livePages());
        assertEquals(Found.ABSENT, nodes[0].lookup("p1", "owner1").found());
        assertEquals(Found.ABSENT, nodes[1].lookup("p2", "owner2").found());
        assertEquals(2, nodes[0].lifecycle.counters().endedCount(PageEndReason.GLOBAL_LIMIT)
                + nodes[1].lifecycle.counters().endedCount(PageEndReason.GLOBAL_LIMIT));
    }

    @Test
    void sessionCapCountsPagesOfEveryNode() { // SPEC 10.6, 6.3
        nodeA.leave(startPage(nodeA, "first"));
        nodeB.leave(startPage(nodeB, "second"));
        nodeA.leave(startPage(nodeA, "third"));
        assertEquals(Found.ABSENT, nodeB.lookup("first", OWNER).found());
        assertEquals(1, nodeA.lifecycle.counters().endedCount(PageEndReason.SESSION_LIMIT));
        assertEquals(2, nodeB.livePages());
    }

    @Test
    void anEndWaitsForTheRequestInFlightOnItsNode() { // SPEC 6.8
        Page inFlight = startPage(nodeA, "p");
        inFlight.put("k", "v");
        nodeA.endOwner(OWNER, PageEndReason.SESSION_ENDED);
        assertEquals("v", inFlight.get("k"), "still there for the request using it");
        nodeA.leave(inFlight);
        assertEquals(Found.ABSENT, nodeB.lookup("p", OWNER).found());
        assertEquals(1, nodeA.lifecycle.counters().endedCount(PageEndReason.SESSION_ENDED));
    }

    @Test
    void valuesThatCannotBeSerializedAreRefusedAtThePut() { // SPEC 4.4
        Page page = startPage(nodeA, "p");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> page.put("k", new Object()));
        assertTrue(refused.getMessage().contains("'k'") && refused.getMessage().contains("Serializable"),
                refused.getMessage());
        assertNull(page.get("k"));
    }

    @Test
    void anotherSessionsPageIsForeignOnEveryNode() { // SPEC 10.6, 3.2
        startPage(nodeA, "p");
        assertEquals(Found.FOREIGN, nodeB.lookup("p", "another-owner").found());
    }

    @Test
    void pageAnotherVersionWroteIsReadOnceThenMarkedAsThisVersions() { // SPEC 10.8
        Page page = startPage(nodeA, "p");
        page.put("k", "kept");
        nodeA.leave(page);
        GridBackend upgraded = upgradedNode();
        assertEquals(Found.LIVE, upgraded.lookup("p", OWNER).found());
        assertEquals("v2", PageRecord.decode(shared.get("p")).writtenBy());
        assertEquals("kept", upgraded.lookup("p", OWNER).page().get("k"));
    }

    @Test
    void pageAnotherVersionCannotReadEndsAsUnreadable() { // SPEC 10.8
        Page page = startPage(nodeA, "p");
        page.put("readable", "kept");
        page.put("gone", new Gone());
        nodeA.leave(page);
        classRemoved("p", "gone");
        GridBackend upgraded = upgradedNode();
        assertEquals(Found.EXPIRED, upgraded.lookup("p", OWNER).found(), "ends like an expired page");
        assertNull(shared.get("p"));
        assertEquals(1, upgraded.lifecycle.counters().endedCount(PageEndReason.UNREADABLE));
    }

    @Test
    void valueUnreadableDespiteTheSameVersionEndsThePageAfterTheRequest() { // SPEC 10.8
        Page page = startPage(nodeA, "p");
        page.put("gone", new Gone());
        nodeA.leave(page);
        classRemoved("p", "gone");
        Page entered = nodeB.lookup("p", OWNER).page();
        assertThrows(dev.nex.jakarta.impl.state.UnreadablePageException.class, () -> entered.get("gone"));
        nodeB.leave(entered);
        assertEquals(Found.ABSENT, nodeA.lookup("p", OWNER).found());
        assertEquals(1, nodeB.lifecycle.counters().endedCount(PageEndReason.UNREADABLE));
    }

    /** Rewrites the value under {@code key} as if its class had been removed from the application. */
    private void classRemoved(String pageId, String key) {
        PageRecord record = PageRecord.decode(shared.get(pageId));
        byte[] bytes = record.entries().get(key).clone();
        String stream = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = stream.indexOf("$Gone");
        bytes[at + 1] = 'L'; // GridBackendTest$Lone: no such class
        shared.put(pageId, record.withEntry(key, bytes).encode());
    }

    /** A stored value's class. */
    static final class Gone implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }
}
