package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.nex.jakarta.tck.cluster.ClusterLauncher;
import dev.nex.jakarta.tck.cluster.ClusterNode;
import dev.nex.jakarta.tck.support.Poll;

/**
 * Cluster mode (SPEC 10) on a real two-node cluster of the server under test, page state on its data grid, no
 * sticky sessions: one cookie jar whose requests go to either node, as a round-robin load balancer would send
 * them. The last test kills a node with {@code kill -9}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeTest {

    /** Long enough to outlast a node's failure detection, short enough to watch a page expire. */
    private static final Duration TTL = Duration.ofSeconds(15);

    private static List<ClusterNode> nodes;

    @BeforeAll
    static void startCluster() throws Exception {
        WebArchive war = StateDeployment.create("nex-cluster", """
                        nex.page.ttl=%s
                        nex.page.sweep-interval=PT1S
                        nex.page.max-per-session=4
                        """.formatted(TTL));
        nodes = ClusterLauncher.configured().start(war, "app/state/log?page=ready");
        assertEquals(2, nodes.size(), "a two-node cluster");
    }

    @AfterAll
    static void stopCluster() {
        if (nodes != null) {
            nodes.forEach(ClusterNode::close);
        }
    }

    /** A new browser session whose first request goes to node A. */
    private static PageSession onA() {
        return new PageSession(nodes.get(0).base());
    }

    private static PageSession onB(PageSession session) {
        return session.on(nodes.get(1).base());
    }

    // SPEC 10.2: a page opened on node A; its actions, alternating A and B, see one state (entries and bean)
    @Test
    @Order(1)
    void actionsAlternatingBetweenNodesSeeOnePage() {
        PageSession a = onA();
        PageSession b = onB(a);
        String id = a.open("put=greeting&value=hello&bean=true");
        String bean = a.ok(b.get(id, "bean"));
        assertTrue(bean.endsWith(":1"), "node B sees the bean mount created on A: " + bean);
        for (int i = 1; i <= 20; i++) {
            PageSession node = i % 2 == 1 ? a : b;
            assertEquals(i, node.increment(id, "n"), "update " + i);
            assertEquals(String.valueOf(i + 1), node.ok(node.post(id, "bean/increment", Map.of())), "bean " + i);
        }
        assertEquals("hello", b.value(id, "greeting"));
        assertEquals("20", a.value(id, "n"));
        assertEquals("20", b.value(id, "n"));
        String identity = bean.substring(0, bean.indexOf(':'));
        assertEquals(identity + ":21", a.ok(a.get(id, "bean")), "one bean instance state, whichever node");
        assertEquals(identity + ":21", b.ok(b.get(id, "bean")));
    }

    // SPEC 10.3: 200 parallel updates of one key, half to each node: none lost, each saw a distinct value
    @Test
    @Order(2)
    void twoHundredParallelUpdatesSpreadOverBothNodesLoseNone() {
        PageSession a = onA();
        PageSession b = onB(a);
        String id = a.open("put=seed&value=1");
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inFlight.add((i % 2 == 0 ? a : b).incrementInParallel(id, "hits"));
        }
        Set<Integer> seen = inFlight.stream().map(CompletableFuture::join).map(a::ok).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.rangeClosed(1, 200).boxed().collect(Collectors.toCollection(TreeSet::new)), seen);
        assertEquals("200", a.value(id, "hits"));
        assertEquals("200", b.value(id, "hits"));
    }

    // SPEC 10.6, 3.2, 3.3: on the other node too, another session's page is 403 and a malformed id 400
    @Test
    @Order(3)
    void ownershipAndMalformedIdsHoldOnEveryNode() {
        PageSession owner = onA();
        String id = owner.open("put=k&value=kept");
        PageSession intruder = new PageSession(nodes.get(1).base());
        intruder.open(""); // a session of its own, on node B
        assertEquals(403, intruder.post(id, "put", Map.of("key", "k", "value", "stolen")).statusCode());
        assertEquals(403, intruder.get(id, "get?key=k").statusCode());
        assertEquals(400, onB(owner).post(id.substring(1), "put", Map.of("key", "k", "value", "x")).statusCode());
        assertEquals("kept", onB(owner).value(id, "k"));
    }

    // SPEC 10.6, 6.3: the per-session cap counts the session's pages on all nodes
    @Test
    @Order(4)
    void sessionCapCountsPagesOpenedOnEitherNode() {
        PageSession a = onA();
        PageSession b = onB(a);
        String first = a.open("bean=true&put=k&value=0");
        for (int i = 1; i <= 4; i++) {
            (i % 2 == 1 ? b : a).open("bean=true&put=k&value=" + i);
        }
        assertEnded(first, "SESSION_LIMIT");
        assertEquals(StateResource.NONE, b.value(first, "k"), "the ended page runs against empty state");
    }

    // SPEC 10.6, 6.5, 6.8: invalidating the session on node B ends its pages opened on A, once each, but not
    // under the request still using one
    @Test
    @Order(5)
    void invalidatedSessionEndsItsPagesOnceAfterTheRequestInFlight() {
        PageSession a = onA();
        String p1 = a.open("bean=true&put=k&value=1");
        String p2 = a.open("bean=true&put=k&value=2");
        HttpResponse<String> invalidate = onB(a).post(p1, "invalidate", Map.of());
        assertEquals("destroyed=false;value=1", a.ok(invalidate), "the page outlives its own request");
        assertEnded(p1, "SESSION_ENDED");
        assertEnded(p2, "SESSION_ENDED");
    }

    // SPEC 10.1, 4.4: a value the grid cannot hold is refused at the put, with a message that says why
    @Test
    @Order(5)
    void valueThatIsNotSerializableIsRefusedAtThePut() {
        PageSession a = onA();
        String id = a.open("put=k&value=v");
        String answer = a.ok(onB(a).post(id, "put-unserializable", Map.of("key", "k")));
        assertTrue(answer.startsWith("refused: ") && answer.contains("Serializable"), answer);
        assertEquals("v", a.value(id, "k"), "the page is unchanged");
    }

    // SPEC 10.6, 6.6: the unload beacon reaching the other node ends the page once
    @Test
    @Order(5)
    void unloadOnTheOtherNodeEndsThePageOnce() {
        PageSession a = onA();
        String id = a.open("bean=true&put=k&value=v");
        assertEquals(204, onB(a).http.post("nex/unload", Map.of("page", id)).statusCode());
        assertEnded(id, "UNLOADED");
    }

    // SPEC 10.5, 6.1, 6.2: a page idle past its TTL ends once in the cluster: one @PreDestroy, one of each event
    @Test
    @Order(6)
    void idlePageEndsExactlyOnceInTheCluster() {
        PageSession a = onA();
        String id = a.open("bean=true&put=k&value=v");
        assertEquals("v", onB(a).value(id, "k"));
        Poll.until("page " + id.substring(0, 8) + " ended", TTL.multipliedBy(3),
                () -> "1".equals(lifecycle(id).get("destroyed")));
        Poll.pause(Duration.ofSeconds(3)); // three more sweeps on each node: nothing ends twice
        assertEnded(id, "EXPIRED");
    }

    // SPEC 10.4: kill -9 of node A loses no page: every page opened on A goes on, with its state, on B
    @Test
    @Order(7)
    void pagesLiveOnAfterTheirNodeIsKilled() {
        record Opened(PageSession session, String id, String value) {
        }
        List<Opened> pages = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            PageSession a = onA();
            for (int p = 0; p < 4; p++) { // within the session cap
                String value = "session" + s + "-page" + p;
                String id = a.open("bean=true&put=k&value=" + value);
                a.increment(id, "n");
                pages.add(new Opened(a, id, value));
            }
        }
        nodes.get(0).kill();
        int kept = 0;
        for (Opened page : pages) {
            PageSession b = onB(page.session());
            boolean intact = page.value().equals(b.value(page.id(), "k"))
                    && b.ok(b.get(page.id(), "bean")).endsWith(":1") && b.increment(page.id(), "n") == 2;
            kept += intact ? 1 : 0;
        }
        assertEquals(pages.size(), kept, "pages kept on node B after node A was killed");
    }

    /** The page's lifecycle as counted on all nodes together. */
    private static Map<String, String> lifecycle(String pageId) {
        Map<String, String> total = new TreeMap<>();
        for (ClusterNode node : nodes) {
            new PageSession(node.base()).log(pageId).forEach((key, value) -> total.merge(key, value, (x, y) ->
                    key.equals("reason") || key.equals("sawOther") ? x + y
                            : String.valueOf(Integer.parseInt(x) + Integer.parseInt(y))));
        }
        return total;
    }

    private static void assertEnded(String pageId, String reason) {
        Poll.until("page " + pageId.substring(0, 8) + " ended", Duration.ofSeconds(10),
                () -> "1".equals(lifecycle(pageId).get("destroyed")));
        assertEquals(PageSession.endedOnce(reason), lifecycle(pageId), "lifecycle of page " + pageId.substring(0, 8)
                + " over both nodes");
    }
}
