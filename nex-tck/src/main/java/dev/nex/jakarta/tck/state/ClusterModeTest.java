package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.nex.jakarta.PagePush;
import dev.nex.jakarta.tck.cluster.ClusterLauncher;
import dev.nex.jakarta.tck.cluster.ClusterNode;
import dev.nex.jakarta.tck.support.HealthReport;
import dev.nex.jakarta.tck.push.PushDeployment;
import dev.nex.jakarta.tck.support.OtlpMetricsReceiver;
import dev.nex.jakarta.testing.PageEvents;
import dev.nex.jakarta.testing.Poll;
import dev.nex.jakarta.testing.WebClient;

/**
 * Cluster mode (SPEC 10) on a real two-node cluster of the server under test, page state on its data grid, no
 * sticky sessions: one cookie jar whose requests go to either node, as a round-robin load balancer would send
 * them. The last test kills a node with {@code kill -9}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeTest {

    /** Long enough to outlast a node's failure detection, short enough to watch a page expire. */
    private static final Duration TTL = Duration.ofSeconds(15);
    /**
     * Short, so that a refused turn is quick to see; long enough for 200 bean requests queued on two nodes, and
     * over the 5 s a turn left by a stopped node takes to lapse (as the default is), so a rolling restart fails
     * no action.
     */
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(6);
    /** Small, so that a test reaches it; over the pages any other test keeps live at once. */
    private static final int MAX_TOTAL = 40;
    /** How long an event may take from one node to the other: far more than the grid's delivery needs. */
    private static final Duration PUSH_PATIENCE = Duration.ofSeconds(20);

    /** Where the nodes send their metrics, on servers with MicroProfile Telemetry 2. */
    private static final OtlpMetricsReceiver COLLECTOR = OtlpMetricsReceiver.forService("nex-tck-cluster");

    private static List<ClusterNode> nodes;
    /** The application as the cluster first runs it; {@link #nextVersion} is its upgrade. */
    private static WebArchive war;

    @BeforeAll
    static void startCluster() throws Exception {
        war = StateDeployment.create("nex-cluster", """
                        nex.page.ttl=%s
                        nex.page.sweep-interval=PT1S
                        nex.page.max-per-session=4
                        nex.page.lock-timeout=%s
                        nex.page.max-total=%d
                        """.formatted(TTL, LOCK_TIMEOUT, MAX_TOTAL)
                        + COLLECTOR.exportConfiguration(Duration.ofSeconds(1)))
                .addClasses(UpgradeBean.class, UpgradeNote.class, UpgradeNoteResource.class, UpgradeResource.class,
                        WarningLog.class, GridCacheResource.class);
        PushDeployment.addPushPage(war);
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

    // SPEC 9, metrics: where the server provides MicroProfile Telemetry 2, each node reports how long its grid
    // operations take, as a histogram by operation
    @Test
    @Order(1)
    @Tag(OtlpMetricsReceiver.TAG)
    void gridRoundTripsAreExportedAsAHistogramByOperation() {
        PageSession a = onA();
        String id = a.open("put=k&value=v");
        onB(a).increment(id, "n");
        String histogram = "nex.grid.round_trip.duration{nex.grid.operation=%s}.count";
        COLLECTOR.await("reads and compare-and-sets of the grid reported", Duration.ofSeconds(30),
                () -> COLLECTOR.value(histogram.formatted("get")) > 0
                        && COLLECTOR.value(histogram.formatted("put_if_absent")) > 0
                        && COLLECTOR.value(histogram.formatted("replace")) > 0);
    }

    // SPEC 10.3: 200 parallel updates of one key, half to each node: none lost, each saw a distinct value
    @Test
    @Order(2)
    void twoHundredParallelUpdatesSpreadOverBothNodesLoseNone() {
        PageSession a = onA();
        PageSession b = onB(a);
        String id = a.open("put=seed&value=1");
        Set<Integer> seen = twoHundredInParallel(a, b, node -> node.incrementInParallel(id, "hits"));
        assertEquals(IntStream.rangeClosed(1, 200).boxed().collect(Collectors.toCollection(TreeSet::new)), seen);
        assertEquals("200", a.value(id, "hits"));
        assertEquals("200", b.value(id, "hits"));
    }

    // SPEC 5.6: 200 parallel increments of a @PageScoped bean, half to each node: none lost, each saw its own count
    @Test
    @Order(2)
    void twoHundredParallelBeanIncrementsSpreadOverBothNodesLoseNone() {
        PageSession a = onA();
        PageSession b = onB(a);
        String id = a.open("bean=true");
        Set<Integer> seen = twoHundredInParallel(a, b, node -> node.postInParallel(id, "bean/increment", ""));
        assertEquals(IntStream.rangeClosed(2, 201).boxed().collect(Collectors.toCollection(TreeSet::new)), seen);
        String bean = a.ok(b.get(id, "bean"));
        assertTrue(bean.endsWith(":201"), "the bean after mount and 200 increments: " + bean);
    }

    // SPEC 5.6: while a slow action holds the page's beans, the page's store actions still run, and a bean action
    // that cannot get its turn within nex.page.lock-timeout is answered 503 with Retry-After; afterwards the
    // other node sees the beans as the slow action left them. While the slow request runs, this test talks to its
    // node only: WildFly's distributable sessions may hold a request of the same session on the other node until
    // the slow one is done, before Nex is asked (seen in thread dumps: SessionManager.findSession).
    @Test
    @Order(2)
    void beanActionWaitingLongerThanTheLockTimeoutGets503WhileStoreActionsRun() {
        PageSession a = onA();
        String id = a.open("bean=true");
        CompletableFuture<HttpResponse<String>> slow = a.postInParallel(id, "bean/hold",
                "millis=" + LOCK_TIMEOUT.multipliedBy(2).toMillis());
        Poll.until("the slow action holds the bean", Duration.ofSeconds(10),
                () -> !StateResource.NONE.equals(a.value(id, StateResource.HELD)));
        assertEquals(1, a.increment(id, "n"), "a store action meanwhile");
        HttpResponse<String> refused = a.post(id, "bean/increment", Map.of());
        assertEquals(503, refused.statusCode(), refused::body);
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(refused.body().contains("class=\"nex-error\""), "the htmx error fragment: " + refused.body());
        assertEquals(2, a.increment(id, "n"), "a store action after the refused one");
        assertFalse(slow.isDone(), "nothing above waited for the slow action");
        assertEquals("2", a.ok(slow.join()));
        PageSession b = onB(a);
        assertEquals("3", b.ok(b.post(id, "bean/increment", Map.of())), "the bean as the slow action left it");
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

    // SPEC 10.1, 4.4, 10.8: a value the grid cannot hold, or would not hand back (a class of the server's, neither
    // the application's nor the JDK's), is refused at the put, with a message that says why
    @Test
    @Order(5)
    void valueThatIsNotSerializableOrOfAServerClassIsRefusedAtThePut() {
        PageSession a = onA();
        String id = a.open("put=k&value=v");
        String answer = a.ok(onB(a).post(id, "put-unserializable", Map.of("key", "k")));
        assertTrue(answer.startsWith("refused: ") && answer.contains("Serializable"), answer);
        answer = a.ok(a.post(id, "put-server-class", Map.of("key", "k")));
        assertTrue(answer.startsWith("refused: ") && answer.contains("jakarta.ws.rs.core.MultivaluedHashMap"), answer);
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

    // SPEC 10.9, 6.4: the global cap holds as pages are created on either node, not only at the next sweep: with a
    // cap of 40 (counted exactly below 100 pages per node), no page opened sees more than 40 live in the cluster,
    // and the least recently used page ends, once, for GLOBAL_LIMIT
    /** A push page opened on node A: its session on either node, its id and its stream's URL. */
    private record PushPage(WebClient a, WebClient b, String id, String streamUrl) {

        static PushPage openOnA() {
            WebClient a = new WebClient(nodes.get(0).base());
            HttpResponse<String> page = a.get("app/push");
            assertEquals(200, page.statusCode(), page::body);
            Matcher url = Pattern.compile("sse-connect=\"([^\"]+)\"").matcher(page.body());
            assertTrue(url.find(), page.body());
            return new PushPage(a, a.on(nodes.get(1).base()), page.headers().firstValue(PageSession.PAGE_HEADER)
                    .orElseThrow(), url.group(1));
        }

        void send(WebClient node, String html, int count) {
            HttpResponse<String> sent = node.post("app/push-actions/send", Map.of("name", "item", "html", html,
                    "count", String.valueOf(count)), "HX-Request", "true", PageSession.PAGE_HEADER, id);
            assertEquals(200, sent.statusCode(), sent::body);
        }

        PageEvents stream(WebClient node, String... headers) {
            PageEvents stream = PageEvents.open(node, streamUrl, headers);
            assertEquals(200, stream.status(), stream::refusal);
            return stream;
        }
    }

    // SPEC 12.4: events sent on either node reach the stream held by node A, in the order they were sent
    @Test
    @Order(5)
    void eventsSentOnEitherNodeReachTheStreamOnTheOtherInOrder() {
        PushPage page = PushPage.openOnA();
        try (PageEvents stream = page.stream(page.a())) {
            page.send(page.b(), "b", 3);
            page.send(page.a(), "a", 2);
            page.send(page.b(), "c", 2);
            List<PageEvents.Frame> events = stream.nextEvents(7, PUSH_PATIENCE);
            assertEquals(List.of("b1", "b2", "b3", "a1", "a2", "c1", "c2"),
                    events.stream().map(PageEvents.Frame::data).toList());
            assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"),
                    events.stream().map(PageEvents.Frame::id).toList());
        }
    }

    // SPEC 12.4, 12.2, 6.8: a job on a managed executor of node A reports to the page's stream on node B
    @Test
    @Order(5)
    void aJobOnOneNodeReportsToTheStreamOnTheOther() {
        PushPage page = PushPage.openOnA();
        try (PageEvents stream = page.stream(page.b())) {
            HttpResponse<String> started = page.a().post("app/push-actions/job", Map.of("steps", "5"),
                    "HX-Request", "true", PageSession.PAGE_HEADER, page.id());
            assertEquals("started", started.body());
            List<PageEvents.Frame> events = stream.nextEvents(6, PUSH_PATIENCE);
            assertEquals("progress,progress,progress,progress,progress,result",
                    events.stream().map(PageEvents.Frame::event).collect(Collectors.joining(",")));
        }
    }

    // SPEC 12.4, 12.2: a stream that breaks on node A and reconnects to node B with Last-Event-ID gets what
    // followed that event, sent meanwhile on either node
    @Test
    @Order(5)
    void aStreamReconnectingToTheOtherNodeGetsWhatFollowedItsLastEvent() {
        PushPage page = PushPage.openOnA();
        try (PageEvents stream = page.stream(page.a())) {
            page.send(page.a(), "x", 3);
            assertEquals("3", stream.nextEvents(3, PUSH_PATIENCE).get(2).id());
        }
        page.send(page.a(), "y", 1);
        page.send(page.b(), "z", 1);
        try (PageEvents stream = page.stream(page.b(), "Last-Event-ID", "3")) {
            assertEquals(List.of("y1", "z1"), stream.nextEvents(2, PUSH_PATIENCE).stream()
                    .map(PageEvents.Frame::data).toList());
            page.send(page.a(), "w", 1);
            assertEquals("w1", stream.nextEvent(PUSH_PATIENCE).data(), "node A now rings node B");
        }
    }

    // SPEC 12.4, 12.1, 6.6: the page ends through node B; its stream on node A gets the final event and closes
    @Test
    @Order(5)
    void thePagesEndOnOneNodeEndsItsStreamOnTheOther() {
        PushPage page = PushPage.openOnA();
        try (PageEvents stream = page.stream(page.a())) {
            page.send(page.b(), "last", 1);
            assertEquals("last1", stream.nextEvent(PUSH_PATIENCE).data());
            assertEquals(204, page.b().post("nex/unload", Map.of("page", page.id())).statusCode());
            assertEquals(PagePush.END_EVENT, stream.nextEvent(PUSH_PATIENCE).event());
            assertTrue(stream.endsWithin(PUSH_PATIENCE));
        }
    }

    @Test
    @Order(6)
    void globalCapHoldsAsPagesAreCreatedOnEitherNode() {
        List<String> opened = new ArrayList<>();
        for (int s = 0; s < 15; s++) {
            PageSession a = onA();
            PageSession b = onB(a);
            for (int p = 0; p < 3; p++) { // within the session cap
                PageSession node = (s + p) % 2 == 0 ? a : b;
                opened.add(node.open("bean=true"));
                int live = Integer.parseInt(node.stats().get("live"));
                assertTrue(live <= MAX_TOTAL, live + " live pages in the cluster after page " + opened.size());
            }
        }
        assertEnded(opened.get(0), "GLOBAL_LIMIT");
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

    // SPEC 10.7: each node restarted in turn (drained first, as a load balancer does) under a steady trickle of
    // store and bean actions on 20 pages of 5 sessions: every page keeps its entries and its bean, no action fails
    @Test
    @Order(7)
    void rollingRestartKeepsEveryPageAndFailsNoAction() throws Exception {
        List<Tab> tabs = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            PageSession session = onA();
            for (int p = 0; p < 4; p++) { // within the session cap
                tabs.add(new Tab(session, session.open("bean=true")));
            }
        }
        Trickle trickle = new Trickle(tabs);
        long started = System.nanoTime();
        trickle.start();
        try {
            for (ClusterNode restarted : nodes) {
                trickle.await(40); // both nodes serve
                trickle.drain(restarted);
                trickle.enter(restarted + " restarting", started);
                restarted.restart();
                trickle.undrain(restarted);
                trickle.enter("both nodes serve after " + restarted + " restarted", started);
            }
            trickle.await(40);
        } finally {
            trickle.finish(); // a failure here leaves the cluster to the next test without this load
        }
        System.out.println("Rolling restart: slowest action " + trickle.slowest);
        assertEquals(List.of(), trickle.failures, "actions that failed during the rolling restart");
        for (Tab tab : tabs) {
            PageSession b = onB(tab.session);
            assertEquals(String.valueOf(tab.entries), b.value(tab.id, "n"), "entries of page " + tab.id);
            assertTrue(b.ok(b.get(tab.id, "bean")).endsWith(":" + tab.bean), "bean of page " + tab.id);
        }
        System.out.printf("Rolling restart: %d actions on %d pages, none failed%n", trickle.done.get(), tabs.size());
    }

    /** A page of a session, and what its store entry and bean must count. */
    private static final class Tab {
        final PageSession session;
        final String id;
        int entries;
        int bean = 1; // mount counted once

        Tab(PageSession session, String id) {
            this.session = session;
            this.id = id;
        }
    }

    /**
     * One action at a time, round the pages, alternating a store increment and a bean increment, each sent to a
     * node in rotation; records every answer that is not the next count.
     */
    private static final class Trickle extends Thread {
        /** Between two actions: a steady trickle (some 20 a second), not a flood. */
        private static final Duration PACE = Duration.ofMillis(25);
        private static final Duration DRAIN = Duration.ofSeconds(2);
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger done = new AtomicInteger();
        /** What the cluster goes through: each failure and the slowest action say when they happened. */
        volatile String phase = "both nodes serve";
        volatile String slowest = "none";
        private long slowestNanos;
        private final List<Tab> tabs;
        private final List<ClusterNode> rotation = new CopyOnWriteArrayList<>(nodes);
        private volatile boolean running = true;

        Trickle(List<Tab> tabs) {
            super("trickle");
            this.tabs = tabs;
        }

        /** Logs when each phase began: a page expired on the way shows as a phase far longer than its TTL. */
        void enter(String next, long started) {
            phase = next;
            System.out.printf("Rolling restart: %s after %d s, %d actions%n", next,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), done.get());
        }

        @Override
        public void run() {
            for (int i = 0; running; i++) {
                Tab tab = tabs.get(i / 2 % tabs.size());
                ClusterNode node = rotation.get(i % rotation.size());
                PageSession there = tab.session.on(node.base());
                String action = (i % 2 == 0 ? "increment" : "bean/increment") + " on " + node + " page "
                        + tab.id.substring(0, 8) + " while " + phase;
                long start = System.nanoTime();
                try {
                    if (i % 2 == 0) {
                        tab.entries = expect(action, there.post(tab.id, "increment", Map.of("key", "n")),
                                tab.entries + 1);
                    } else {
                        tab.bean = expect(action, there.post(tab.id, "bean/increment", Map.of()), tab.bean + 1);
                    }
                } catch (RuntimeException e) {
                    failures.add(action + ": " + e);
                }
                long took = System.nanoTime() - start;
                if (took > slowestNanos) {
                    slowestNanos = took;
                    slowest = Duration.ofNanos(took).toMillis() + " ms: " + action;
                }
                done.incrementAndGet();
                Poll.pause(PACE);
            }
        }

        /** The count the page now has: the answered one, so that one failure is reported once. */
        private int expect(String action, HttpResponse<String> answer, int count) {
            if (answer.statusCode() == 200 && answer.body().equals(String.valueOf(count))) {
                return count;
            }
            failures.add(action + ": " + answer.statusCode() + " " + answer.body() + " (expected " + count + ")");
            return answer.statusCode() == 200 && answer.body().matches("\\d+") ? Integer.parseInt(answer.body())
                    : count - 1;
        }

        /** Waits until {@code count} more actions are done. */
        void await(int count) {
            int target = done.get() + count;
            Poll.until(count + " more actions", Duration.ofSeconds(60), () -> done.get() >= target);
        }

        /**
         * Takes {@code node} out of rotation, as a load balancer drains it: waits for the action in flight, then
         * a moment for what the node does after answering (a replicated session's commit).
         */
        void drain(ClusterNode node) {
            rotation.remove(node);
            await(2);
            Poll.pause(DRAIN);
        }

        void undrain(ClusterNode node) {
            rotation.add(node);
        }

        void finish() throws InterruptedException {
            running = false;
            join();
        }
    }

    // SPEC 10.8: the nodes replaced one at a time by the application's next version, in which a bean gained a
    // field and a stored value's class is gone: a page whose state it can read goes on with it, on either version
    // while they are mixed; a page holding the removed class ends like an expired page (the default reset: the
    // action runs on empty state), with one WARNING naming the class on that node, and nothing answers 500
    @Test
    @Order(8)
    void rollingUpgradeKeepsPagesItCanReadAndEndsTheOthersAsExpired() throws Exception {
        PageSession a = onA();
        PageSession b = onB(a);
        String kept = a.open("put=k&value=kept");
        assertEquals("v1:1", a.ok(a.post(kept, "upgrade/bean/increment", Map.of())));
        List<String> noted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = a.open("");
            assertEquals("noted", a.ok(a.post(id, "upgrade-note", Map.of())));
            noted.add(id);
        }
        WebArchive next = nextVersion();
        List<String> pages = new CopyOnWriteArrayList<>(noted);
        pages.add(kept);
        try (KeepAlive alive = new KeepAlive(a, pages, nodes.get(1))) {
            nodes.get(0).upgrade(next);
            assertEquals("v2:2:null", a.ok(a.post(kept, "upgrade/bean/increment", Map.of())),
                    "the count the first version left, the added field at its default");
            assertEquals("v1:3", b.ok(b.post(kept, "upgrade/bean/increment", Map.of())),
                    "the first version reads what the next wrote while both run");
            pages.removeAll(noted);
            for (String id : noted) {
                HttpResponse<String> answer = a.get(id, "upgrade/note");
                assertEquals("200 none", answer.statusCode() + " " + answer.body(),
                        "the page ended as expired, the action ran on empty state");
                assertEquals("UNREADABLE", lifecycle(id).get("reason"));
            }
            assertEquals("1", a.ok(a.get(kept, "upgrade/warnings")), "one WARNING for the removed class");
            alive.via(nodes.get(0));
            nodes.get(1).upgrade(next);
        }
        assertEquals("v2:4:null", b.ok(b.post(kept, "upgrade/bean/increment", Map.of())));
        assertEquals("kept", b.value(kept, "k"));
        assertEquals("v2:5:null", a.ok(a.post(kept, "upgrade/bean/increment", Map.of())));
    }

    /**
     * The cluster's application in its next version: {@link UpgradeBean} as compiled from src/upgrade (kept under
     * {@code nex-upgrade/} in the TCK jar), {@link UpgradeNote} and the resource that stores it removed.
     */
    private static WebArchive nextVersion() {
        WebArchive next = ShrinkWrap.create(WebArchive.class, war.getName()).merge(war);
        for (Class<?> changed : List.of(UpgradeNote.class, UpgradeNoteResource.class, UpgradeBean.class)) {
            next.delete("WEB-INF/classes/" + classFile(changed));
        }
        return next.addAsWebInfResource(new ClassLoaderAsset("nex-upgrade/" + classFile(UpgradeBean.class)),
                "classes/" + classFile(UpgradeBean.class));
    }

    private static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    /** Keeps pages from expiring while a node is down: an action on each, every two seconds, via one node. */
    private static final class KeepAlive extends Thread implements AutoCloseable {
        private final PageSession session;
        private final List<String> pages;
        private volatile ClusterNode via;
        private volatile boolean running = true;

        KeepAlive(PageSession session, List<String> pages, ClusterNode via) {
            super("keep-alive");
            this.session = session;
            this.pages = pages;
            this.via = via;
            start();
        }

        void via(ClusterNode node) {
            via = node;
        }

        @Override
        public void run() {
            while (running) {
                PageSession there = session.on(via.base());
                for (String id : pages) {
                    there.get(id, "get?key=k");
                }
                Poll.pause(Duration.ofSeconds(2));
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            join();
        }
    }

    // SPEC 10.4: kill -9 of node A loses no page: every page opened on A goes on, with its state, on B.
    // SPEC 5.6: a bean's turn held by a request on node A lapses: node B's bean actions of that page run again.
    @Test
    @Order(9)
    void pagesLiveOnAndTheirTurnsLapseAfterTheirNodeIsKilled() {
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
        PageSession holder = onA();
        String held = holder.open("bean=true");
        holder.postInParallel(held, "bean/hold", "millis=600000");
        Poll.until("the bean is held on node A", Duration.ofSeconds(10),
                () -> !StateResource.NONE.equals(holder.value(held, StateResource.HELD)));
        nodes.get(0).kill();
        long killed = System.nanoTime();
        PageSession survivor = onB(holder);
        Poll.until("node B's bean action runs after node A died holding the turn", Duration.ofSeconds(45),
                () -> survivor.post(held, "bean/increment", Map.of()).statusCode() == 200);
        System.out.printf("Turn of killed node lapsed; bean action ran after %d ms%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
        assertTrue(survivor.ok(survivor.get(held, "bean")).endsWith(":2"),
                "the mount's count and node B's increment; the killed request never wrote back");
        List<String> lost = new ArrayList<>();
        for (Opened page : pages) {
            PageSession b = onB(page.session());
            String seen = b.value(page.id(), "k") + " " + b.ok(b.get(page.id(), "bean")).replaceFirst(".*:", "bean ")
                    + " n " + b.increment(page.id(), "n");
            if (!seen.equals(page.value() + " bean 1 n 2")) {
                lost.add(page.id().substring(0, 8) + ": " + seen);
            }
        }
        assertEquals(List.of(), lost, "pages not kept on node B after node A was killed");
    }

    // SPEC 9: where the server provides MicroProfile Health, a node's readiness is UP while the grid answers, also
    // with the other node gone, and DOWN with the reason once the node's cache is closed. Last: it breaks the node.
    @Test
    @Order(10)
    @Tag(HealthReport.TAG)
    void readinessGoesDownWhenTheNodesPageStoreStopsAnswering() {
        ClusterNode survivor = nodes.get(1); // node A was killed by the test before
        HealthReport ready = HealthReport.readiness(survivor.base());
        assertEquals("UP", ready.check(HealthReport.PAGE_STORE).status(), ready.json());
        assertNotEquals("memory", ready.check(HealthReport.PAGE_STORE).data().get("store"), ready.json());
        PageSession b = new PageSession(survivor.base());
        assertEquals("closed", b.ok(b.http.post("app/grid-cache/close", Map.of())));
        HealthReport down = HealthReport.readiness(survivor.base());
        HealthReport.Check check = down.check(HealthReport.PAGE_STORE);
        assertEquals("DOWN", check.status(), down.json());
        assertFalse(check.data().getOrDefault("reason", "").isBlank(), down.json());
        assertEquals(503, down.httpStatus(), down.json());
    }

    /** Sends 200 counting actions at once, alternating nodes A and B; the counts they answered. */
    private static Set<Integer> twoHundredInParallel(PageSession a, PageSession b,
            Function<PageSession, CompletableFuture<HttpResponse<String>>> action) {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inFlight.add(action.apply(i % 2 == 0 ? a : b));
        }
        return inFlight.stream().map(CompletableFuture::join).map(a::ok).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
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
