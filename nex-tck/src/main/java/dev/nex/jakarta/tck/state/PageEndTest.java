package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.Poll;

/**
 * How pages end (SPEC 6, 5.3, 5.4) and the {@code refresh} policy for expired pages (SPEC 3.4), with a short
 * TTL, a fast sweep and small caps. Each end is observed through the scope events and {@code @PreDestroy} of a
 * {@code @PageScoped} bean, which must happen exactly once, and each must see the ending page itself (SPEC 5.5):
 * {@code CurrentPage}, the page's store entries and its bean, never the page of the request that caused the end.
 */
@ExtendWith(ArquillianExtension.class)
class PageEndTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration SWEEP = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return StateDeployment.create("page-end", """
                nex.page.ttl=PT2S
                nex.page.sweep-interval=PT3S
                nex.page.max-per-session=3
                nex.page.max-total=6
                nex.page.expired=refresh
                """);
    }

    /** Pages of earlier tests would count against the global cap: let them expire first. */
    @BeforeEach
    void noLivePages() {
        PageSession observer = new PageSession(base);
        Poll.until("no live pages left from earlier tests", PATIENCE,
                () -> observer.stats().get("live").equals("0"));
    }

    // SPEC 6.1, 6.2, 5.3, 5.4, 5.5: an idle page expires, swept without any request; events and @PreDestroy once
    @Test
    void idlePageIsSweptWithPreDestroyAndEventsExactlyOnce() {
        PageSession session = new PageSession(base);
        String id = session.open("bean=true&put=k&value=v");
        Poll.until("the sweep ended the idle page", PATIENCE, () -> session.log(id).get("destroyed").equals("1"));
        assertEnded(session, id, "EXPIRED");
        Poll.pause(SWEEP.plus(Duration.ofSeconds(1)));
        assertEnded(session, id, "EXPIRED"); // still once, after another sweep
    }

    // SPEC 3.4 (refresh), 6.2, 5.5: an expired page is never served: the action does not run, the tab reloads;
    // the page's end (run by the lookup that found it expired, or by a sweep just before) sees that page
    @Test
    void actionOnAnExpiredPageAnswersHxRefreshAndDoesNotRun() {
        PageSession session = new PageSession(base);
        String id = session.open("bean=true&put=k&value=v");
        Poll.pause(TTL.plusMillis(500)); // expired, whether or not the sweep has run yet
        long created = Long.parseLong(session.stats().get("created"));

        HttpResponse<String> action = session.post(id, "put", Map.of("key", "k", "value", "late"));
        assertEquals(200, action.statusCode());
        assertEquals("true", action.headers().firstValue("HX-Refresh").orElse(null));
        assertNotEquals("ok", action.body(), "the action did not run");
        assertEquals(created, Long.parseLong(session.stats().get("created")), "no state was created");
        Poll.until("the expired page ended", PATIENCE, () -> session.log(id).get("destroyed").equals("1"));
        assertEnded(session, id, "EXPIRED");
    }

    // SPEC 3.4 (refresh): an id we never minted refreshes too
    @Test
    void actionWithAnUnknownPageIdAnswersHxRefresh() {
        PageSession session = new PageSession(base);
        String unknown = NexPage.unknownIdShapedLike(session.open(""));
        HttpResponse<String> action = session.post(unknown, "put", Map.of("key", "k", "value", "v"));
        assertEquals(200, action.statusCode());
        assertEquals("true", action.headers().firstValue("HX-Refresh").orElse(null));
        assertEquals("0", session.stats().get("live"));
    }

    // SPEC 2, 3.4: a page that stored nothing is not "unknown": its actions run even under the refresh policy
    @Test
    void pageThatStoredNothingStillRunsItsActions() {
        PageSession session = new PageSession(base);
        String id = session.open("");
        session.put(id, "k", "v");
        assertEquals("v", session.value(id, "k"));
    }

    // SPEC 6.1: every request renews the TTL: a page used more often than its TTL lives on
    @Test
    void usedPageOutlivesItsTtl() {
        PageSession session = new PageSession(base);
        String id = session.open("bean=true&put=k&value=v");
        for (int i = 0; i < 8; i++) { // 8 × 0.6 s: twice the TTL, and at least one sweep
            Poll.pause(Duration.ofMillis(600));
            assertEquals("v", session.value(id, "k"));
        }
        assertEquals("0", session.log(id).get("destroyed"));
    }

    // SPEC 6.3, 5.5: over nex.page.max-per-session, the session's least recently used page ends
    @Test
    void sessionOverItsPageCapEndsItsLeastRecentlyUsedPage() {
        PageSession session = new PageSession(base);
        String p1 = session.open("bean=true&put=k&value=1");
        String p2 = session.open("bean=true&put=k&value=2");
        String p3 = session.open("bean=true&put=k&value=3");
        assertEquals("1", session.value(p1, "k")); // p1 used again: p2 is now least recently used
        String p4 = session.open("bean=true&put=k&value=4");

        assertEnded(session, p2, "SESSION_LIMIT");
        assertEquals("1", session.value(p1, "k"));
        assertEquals("3", session.value(p3, "k"));
        assertEquals("4", session.value(p4, "k"));
        assertEquals("0", session.log(p1).get("destroyed"));
    }

    // SPEC 6.4, 5.5: over nex.page.max-total, the application's least recently used page ends
    @Test
    void applicationOverItsPageCapEndsTheLeastRecentlyUsedPage() {
        String[] ids = new String[7];
        PageSession[] sessions = new PageSession[4];
        for (int i = 0; i < 7; i++) {
            PageSession session = sessions[i / 2] == null ? (sessions[i / 2] = new PageSession(base)) : sessions[i / 2];
            ids[i] = session.open("bean=true&put=k&value=" + i);
        }
        PageSession observer = sessions[3];
        assertEnded(observer, ids[0], "GLOBAL_LIMIT");
        assertEquals("6", observer.stats().get("live"));
        for (int i = 1; i < 7; i++) {
            assertEquals(String.valueOf(i), sessions[i / 2].value(ids[i], "k"));
        }
    }

    // SPEC 6.5, 6.8, 5.5: invalidating the session (from an action of one of them) ends all its pages, but not under
    // the request still using one
    @Test
    void invalidatedSessionEndsAllItsPagesAfterTheRequestInFlight() {
        PageSession session = new PageSession(base);
        String p1 = session.open("bean=true&put=k&value=1");
        String p2 = session.open("bean=true&put=k&value=2");

        HttpResponse<String> invalidate = session.post(p1, "invalidate", Map.of());
        assertEquals("destroyed=false;value=1", session.ok(invalidate), "the page outlives its own request");

        PageSession observer = new PageSession(base);
        assertEnded(observer, p1, "SESSION_ENDED");
        assertEnded(observer, p2, "SESSION_ENDED");
    }

    // SPEC 6.6, 5.5: the unload beacon, a request bound to no page, ends its page with that page bound
    @Test
    void unloadBeaconEndsItsPageSeeingThatPage() {
        PageSession session = new PageSession(base);
        String closed = session.open("bean=true&put=k&value=1");
        String open = session.open("bean=true&put=k&value=2");
        assertEquals(204, session.http.post("nex/unload", Map.of("page", closed)).statusCode());
        assertEnded(session, closed, "UNLOADED");
        assertEquals("2", session.value(open, "k"));
        assertEquals("0", session.log(open).get("destroyed"));
    }

    private static void assertEnded(PageSession session, String pageId, String reason) {
        Map<String, String> log = session.log(pageId);
        assertEquals(PageSession.endedOnce(reason), log, "lifecycle of page " + pageId.substring(0, 8));
    }
}
