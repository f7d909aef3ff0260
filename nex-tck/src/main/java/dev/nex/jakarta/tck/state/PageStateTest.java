package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.tck.support.HealthReport;
import dev.nex.jakarta.testing.NexPage;

/**
 * Page ids, request binding, the {@code PageStore} and {@code @PageScoped} under the default configuration
 * (SPEC 2, 3, 4, 5, 9). Every test talks HTTP with its own cookie jar, like a browser session.
 */
@ExtendWith(ArquillianExtension.class)
class PageStateTest {

    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return StateDeployment.create("page-state", "");
    }

    // SPEC 3.1, 7.1: each full page gets a new URL-safe id of at most 64 characters, sent in X-Nex-Page-Id
    @Test
    void everyFullPageGetsANewUrlSafeIdInTheResponseHeader() {
        PageSession session = new PageSession(base);
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            String id = session.open("");
            assertTrue(PAGE_ID.matcher(id).matches(), id);
            ids.add(id);
        }
        assertEquals(20, ids.size(), "ids are never reused");
    }

    // SPEC 7.1: views see the page id as ${nexPage.id}; it equals the response header
    @Test
    void viewsSeeThePageIdAsNexPage() {
        PageSession session = new PageSession(base);
        HttpResponse<String> view = session.http.get("app/view");
        assertEquals(200, view.statusCode(), view.body());
        String id = view.headers().firstValue(PageSession.PAGE_HEADER).orElseThrow();
        assertTrue(view.body().contains("<p id=\"page\">" + id + "</p>"), view.body());
    }

    // SPEC 2: a full page and an action are told apart as the SPEC's table says
    @Test
    void requestsAreClassifiedAsFullPagesOrActions() {
        PageSession session = new PageSession(base);
        String id = session.open("put=k&value=v");
        assertEquals("true", session.ok(session.http.get("app/state/is-new")), "GET without HX-Request");
        assertEquals("false", session.ok(session.get(id, "is-new")), "hx-get fragment with the page id");
        assertEquals("true", session.ok(session.http.get("app/state/is-new", "HX-Request", "true",
                "HX-Boosted", "true", PageSession.PAGE_HEADER, id)), "boosted navigation starts a new page");
        assertEquals("true", session.ok(session.http.get("app/state/is-new", "HX-Request", "true",
                "HX-History-Restore-Request", "true", PageSession.PAGE_HEADER, id)), "history restore");
        HttpResponse<String> plainPost = session.http.post("app/state/put", Map.of("key", "plain", "value", "yes"),
                PageSession.PAGE_HEADER, id);
        assertEquals(200, plainPost.statusCode(), "a plain form post carrying the page id is an action");
        assertEquals("yes", session.value(id, "plain"));
        assertEquals("v", session.value(id, "k"));
    }

    // SPEC 4.1, 4.3: get/put/update/delete/keys/clear on the current page; get of a missing key stores nothing
    @Test
    void storeBehavesLikeAMapOfTheCurrentPage() {
        PageSession session = new PageSession(base);
        String id = session.open("");
        long liveBefore = live(session);

        assertEquals(StateResource.NONE, session.value(id, "missing"), "default for a missing key");
        assertEquals("", session.ok(session.get(id, "keys")));
        assertEquals(liveBefore, live(session), "reading allocates nothing");

        session.put(id, "a", "1");
        assertEquals("1", session.value(id, "a"));
        assertEquals(liveBefore + 1, live(session), "the first write allocates the page");
        assertEquals(1, session.increment(id, "n"));
        assertEquals(2, session.increment(id, "n"));
        assertEquals("a,n", session.ok(session.get(id, "keys")));

        session.ok(session.post(id, "delete", Map.of("key", "a")));
        assertEquals(StateResource.NONE, session.value(id, "a"));
        assertEquals("n", session.ok(session.get(id, "keys")));
        session.ok(session.post(id, "delete", Map.of("key", "never-there")));

        session.ok(session.post(id, "clear", Map.of()));
        assertEquals("", session.ok(session.get(id, "keys")));
        assertEquals(StateResource.NONE, session.value(id, "n"));
    }

    // SPEC 4.6: what mount stores during the full page is there for the page's actions
    @Test
    void whatMountStoresIsThereForActions() {
        PageSession session = new PageSession(base);
        String id = session.open("put=greeting&value=hello");
        assertEquals("hello", session.value(id, "greeting"));
    }

    // SPEC 1, 4.1: two full pages of one session (two tabs) have separate state
    @Test
    void twoFullPagesInOneSessionAreIsolated() {
        PageSession session = new PageSession(base);
        String first = session.open("");
        String second = session.open("");
        assertNotEquals(first, second);
        session.put(first, "x", "first");
        session.put(second, "x", "second");
        assertEquals("first", session.value(first, "x"));
        assertEquals("second", session.value(second, "x"));
    }

    // SPEC 4: state persists across the page's actions; a new full page starts empty (refresh = reset)
    @Test
    void stateSurvivesTwentyActionsAndANewFullPageResets() {
        PageSession session = new PageSession(base);
        String id = session.open("");
        for (int i = 1; i <= 20; i++) {
            assertEquals(i, session.increment(id, "count"));
        }
        assertEquals("20", session.value(id, "count"));

        String refreshed = session.open("");
        assertEquals(StateResource.NONE, session.value(refreshed, "count"), "a refresh starts afresh");
        assertEquals("20", session.value(id, "count"), "the old page is untouched until it ends");
    }

    // SPEC 4.2: update is atomic per page and key: 200 parallel actions, none lost, each saw a distinct value
    @Test
    void twoHundredParallelUpdatesLoseNone() {
        PageSession session = new PageSession(base);
        String id = session.open("put=seed&value=1");
        assertParallelIncrementsLoseNone(session, id, 200);
    }

    // SPEC 2, 3.2, 4.2: a page that stored nothing has no session yet; its first writes arrive in parallel (htmx
    // fires them at once), each before the browser holds a session cookie: none is refused or lost, and the page
    // stays the browser's whichever session cookie it keeps
    @Test
    void parallelFirstWritesBeforeAnySessionLoseNone() {
        PageSession session = new PageSession(base);
        String id = session.open("");
        assertParallelIncrementsLoseNone(session, id, 50);
        assertEquals("51", session.ok(session.incrementInParallel(id, "hits").join()));
    }

    // SPEC 5.2: one @PageScoped instance per page, shared by its requests (mount included), isolated across pages
    @Test
    void pageScopedBeanIsSharedWithinAPageAndIsolatedAcrossPages() {
        PageSession session = new PageSession(base);
        String first = session.open("bean=true");
        String firstBean = session.ok(session.get(first, "bean"));
        assertTrue(firstBean.endsWith(":1"), "the instance mount used: " + firstBean);
        assertEquals("2", session.ok(session.post(first, "bean/increment", Map.of())));
        assertEquals("3", session.ok(session.post(first, "bean/increment", Map.of())));

        String second = session.open("");
        String secondBean = session.ok(session.get(second, "bean"));
        assertTrue(secondBean.endsWith(":0"), secondBean);
        assertNotEquals(identity(firstBean), identity(secondBean));

        assertEquals(identity(firstBean) + ":3", session.ok(session.get(first, "bean")));
    }

    // SPEC 3.3: malformed ids get a short plain 400; nothing is allocated and no page is touched
    @Test
    void malformedPageIdsAreRejectedWith400AndAllocateNothing() {
        PageSession session = new PageSession(base);
        String valid = session.open("put=k&value=kept");
        Map<String, String> before = session.stats();
        List<String> malformed = List.of("", "a", valid.substring(1), valid + "A", "x".repeat(65),
                valid.substring(0, valid.length() - 1) + "!", valid.replace(valid.charAt(3), '.'),
                "../../etc/passwd", "y".repeat(8 * 1024));
        for (String id : malformed) {
            HttpResponse<String> response = session.post(id, "put", Map.of("key", "k", "value", "overwritten"));
            assertEquals(400, response.statusCode(), () -> "id of " + id.length() + " chars: " + response.body());
            if (id.length() < 1024) { // an 8 KB header may be refused by the server's own parser, also with 400
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
                if (id.length() > 8) {
                    assertFalse(response.body().contains(id), "the id is not echoed");
                }
            }
        }
        HttpResponse<String> twoValues = session.http.post("app/state/put", Map.of("key", "k", "value", "x"),
                "HX-Request", "true", PageSession.PAGE_HEADER, valid, PageSession.PAGE_HEADER, valid);
        assertEquals(400, twoValues.statusCode(), "several header values");

        Map<String, String> after = session.stats();
        assertEquals(before.get("live"), after.get("live"));
        assertEquals(before.get("created"), after.get("created"));
        assertEquals("kept", session.value(valid, "k"));
    }

    // SPEC 3.2: another session's page id never reads or writes that page
    @Test
    void anotherSessionsPageIdIsForbiddenAndItsStateUnchanged() {
        PageSession owner = new PageSession(base);
        String id = owner.open("");
        owner.put(id, "secret", "owner");

        PageSession stranger = new PageSession(base);
        assertEquals(403, stranger.get(id, "get?key=secret").statusCode(), "no session at all");
        stranger.open("put=mine&value=1"); // now with a session of its own
        HttpResponse<String> read = stranger.get(id, "get?key=secret");
        assertEquals(403, read.statusCode());
        assertFalse(read.body().contains("owner"));
        assertEquals(403, stranger.post(id, "put", Map.of("key", "secret", "value", "stranger")).statusCode());
        assertEquals(403, stranger.post(id, "bean/increment", Map.of()).statusCode());

        assertEquals("owner", owner.value(id, "secret"));
        assertEquals(StateResource.NONE, owner.value(id, "mine"));
    }

    // SPEC 3.4 (default nex.page.expired=reset): an unknown id runs the action against empty state under that id
    @Test
    void unknownPageIdRunsTheActionAgainstEmptyStateByDefault() {
        PageSession session = new PageSession(base);
        String unknown = NexPage.unknownIdShapedLike(session.open(""));
        assertEquals(StateResource.NONE, session.value(unknown, "k"));
        session.put(unknown, "k", "v");
        assertEquals("v", session.value(unknown, "k"));
    }

    // SPEC 2: minting an id costs nothing: 1000 full pages that store nothing leave no live page behind
    @Test
    void aThousandFullPagesThatStoreNothingAllocateNothing() {
        PageSession session = new PageSession(base);
        Map<String, String> before = session.stats();
        List<CompletableFuture<HttpResponse<String>>> loads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            loads.add(session.http.sendAsync(session.http.request("app/state/page").GET()));
        }
        loads.stream().map(CompletableFuture::join).forEach(session::ok);
        Map<String, String> after = session.stats();
        assertEquals(before.get("live"), after.get("live"));
        assertEquals(before.get("created"), after.get("created"));
    }

    // SPEC 4.5: page state used by a request bound to no page is a clear 400 saying so, never a shared
    // namespace: the store (plain post, htmx without the id) and a @PageScoped bean alike; nothing is created
    @Test
    void pageStateWithoutAPageIdIsAClientError() {
        PageSession session = new PageSession(base);
        session.open("");
        Map<String, String> before = session.stats();
        assertNoPageBound(session.http.post("app/state/put", Map.of("key", "k", "value", "v")));
        assertNoPageBound(session.http.get("app/state/get?key=k", "HX-Request", "true"));
        assertNoPageBound(session.http.post("app/state/bean/increment", Map.of(), "HX-Request", "true"));
        assertEquals(before.get("created"), session.stats().get("created"), "no page was created");
    }

    private static void assertNoPageBound(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("This request is not bound to a page: send the page id header.", response.body().trim());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().map().toString());
    }

    // SPEC 5.1: @PageScoped is a normal, passivating scope whose context Nex registers: active for a request bound
    // to a page, inactive for one that is not
    @Test
    void pageScopedIsANormalPassivatingScopeActiveWhereAPageIsBound() {
        PageSession session = new PageSession(base);
        String id = session.open("");
        assertEquals("normal=true;passivating=true;active=true", session.ok(session.get(id, "scope")));
        HttpResponse<String> unbound = session.http.get("app/state/scope", "HX-Request", "true");
        assertEquals("normal=true;passivating=true;active=false", session.ok(unbound));
    }

    // SPEC 9: the JMX MBean counts live pages, created pages and store entries
    @Test
    void statisticsMBeanCountsPagesAndEntries() {
        PageSession session = new PageSession(base);
        Map<String, String> before = session.stats();
        String id = session.open("put=a&value=1");
        session.put(id, "b", "2");
        Map<String, String> after = session.stats();
        assertEquals(Long.parseLong(before.get("created")) + 1, Long.parseLong(after.get("created")));
        assertEquals(Long.parseLong(before.get("live")) + 1, Long.parseLong(after.get("live")));
        assertEquals(Long.parseLong(before.get("entries")) + 2, Long.parseLong(after.get("entries")));
    }

    // SPEC 9: where the server provides MicroProfile Health, the page store's readiness check is UP and names the
    // store (going DOWN is tested on a cluster, ClusterModeTest)
    @Test
    @Tag(HealthReport.TAG)
    void readinessCheckReportsThePageStoreUpAndNamesIt() throws Exception {
        HealthReport ready = HealthReport.readiness(base.toURI());
        HealthReport.Check check = ready.check(HealthReport.PAGE_STORE);
        assertEquals("UP", check.status(), ready.json());
        assertEquals("memory", check.data().get("store"), ready.json());
        assertEquals(200, ready.httpStatus(), ready.json());
    }

    private static long live(PageSession session) {
        return Long.parseLong(session.stats().get("live"));
    }

    private static String identity(String bean) {
        return bean.substring(0, bean.indexOf(':'));
    }

    /** {@code count} parallel increments of "hits" on a fresh page: each saw a distinct value, none was lost. */
    private static void assertParallelIncrementsLoseNone(PageSession session, String id, int count) {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.add(session.incrementInParallel(id, "hits"));
        }
        Set<Integer> seen = inFlight.stream().map(CompletableFuture::join).map(session::ok).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.rangeClosed(1, count).boxed().collect(Collectors.toCollection(TreeSet::new)), seen);
        assertEquals(String.valueOf(count), session.value(id, "hits"));
    }
}
