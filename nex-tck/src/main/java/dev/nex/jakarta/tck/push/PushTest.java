package dev.nex.jakarta.tck.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import dev.nex.jakarta.PagePush;
import dev.nex.jakarta.tck.support.StatisticsResource;
import dev.nex.jakarta.testing.Browser;
import dev.nex.jakarta.testing.NexClient;
import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.PageEvents;
import dev.nex.jakarta.testing.PageEvents.Frame;
import dev.nex.jakarta.testing.Poll;
import dev.nex.jakarta.testing.WebClient;

/**
 * Server push to a page (SPEC 12) over HTTP, as a browser's {@code EventSource} speaks it, and in Chromium with
 * htmx's SSE extension: a page's stream gets the events sent to that page and no other, in order, kept while no
 * stream is open and replayed on reconnect; it ends with the page; bad tickets, foreign pages and too many
 * streams are refused with 4xx.
 */
@ExtendWith(ArquillianExtension.class)
class PushTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String PAGE_HEADER = "X-Nex-Page-Id";
    private static final Pattern STREAM_URL = Pattern.compile("sse-connect=\"([^\"]+)\"");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PushDeployment.create();
    }

    /** One tab: a full page of the push application, its id and its stream's URL. */
    private record Tab(WebClient client, String pageId, String streamUrl) {

        PageEvents stream(String... headers) {
            return PageEvents.open(client, streamUrl, headers);
        }

        HttpResponse<String> send(String name, String html, int count) {
            HttpResponse<String> sent = client.post("app/push-actions/send", Map.of("name", name, "html", html,
                    "count", String.valueOf(count)), "HX-Request", "true", PAGE_HEADER, pageId);
            assertEquals(200, sent.statusCode(), sent::body);
            return sent;
        }
    }

    private Tab open(WebClient client) {
        HttpResponse<String> page = client.get("app/push");
        assertEquals(200, page.statusCode(), page::body);
        Matcher url = STREAM_URL.matcher(page.body());
        assertTrue(url.find(), page.body());
        return new Tab(client, page.headers().firstValue(PAGE_HEADER).orElseThrow(), url.group(1));
    }

    private Tab open() {
        return open(new WebClient(base));
    }

    // SPEC 12.2, 12.1: events an action sends reach its page's open stream in order, named, with their HTML
    // (lines and all) and their place in the page's sequence as the SSE id
    @Test
    void eventsSentByAnActionReachThePagesStreamInOrder() {
        Tab tab = open();
        try (PageEvents stream = tab.stream()) {
            assertEquals(200, stream.status(), stream::refusal);
            assertTrue(stream.response().headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/event-stream"));
            tab.send("item", "<li>\n  line ", 3);
            List<Frame> events = stream.nextEvents(3, PATIENCE);
            for (int i = 1; i <= 3; i++) {
                assertEquals(new Frame(String.valueOf(i), "item", "<li>\n  line " + i), events.get(i - 1));
            }
        }
    }

    // SPEC 12.2: events sent while the page has no stream open are kept and delivered, in order, on connect (the
    // testing kit's page client, which opens the stream its page's sse-connect names)
    @Test
    void eventsSentBeforeTheStreamOpensAreDeliveredOnConnect() {
        NexPage page = NexClient.at(base).open("app/push");
        page.post("app/push-actions/send", Map.of("name", "item", "html", "early ", "count", "3")).assertStatus(200);
        try (PageEvents stream = page.events()) {
            assertEquals(List.of("1", "2", "3"), ids(stream.nextEvents(3, PATIENCE)));
        }
    }

    // SPEC 12.2: a stream that reconnects with Last-Event-ID gets what followed that event, in order; one that
    // connects without gets only what no stream took yet
    @Test
    void aReconnectWithLastEventIdGetsWhatFollowedIt() {
        Tab tab = open();
        try (PageEvents stream = tab.stream()) {
            tab.send("item", "", 3);
            assertEquals(List.of("1", "2", "3"), ids(stream.nextEvents(3, PATIENCE)));
        }
        tab.send("item", "", 2);
        try (PageEvents stream = tab.stream("Last-Event-ID", "3")) {
            assertEquals(List.of("4", "5"), ids(stream.nextEvents(2, PATIENCE)));
        }
        try (PageEvents stream = tab.stream("Last-Event-ID", "2")) {
            assertEquals(List.of("3", "4", "5"), ids(stream.nextEvents(3, PATIENCE)));
        }
        try (PageEvents stream = tab.stream()) {
            tab.send("item", "", 1);
            assertEquals("6", stream.nextEvent(PATIENCE).id(), "nothing taken before is sent again");
        }
    }

    // SPEC 12.2: the buffer is bounded (nex.push.buffer=4): the oldest events go, and are counted as dropped
    @Test
    void aFullBufferDropsTheOldestEventsAndCountsThem() {
        Tab tab = open();
        long dropped = dropped(tab.client());
        tab.send("item", "", 10);
        try (PageEvents stream = tab.stream()) {
            assertEquals(List.of("7", "8", "9", "10"), ids(stream.nextEvents(4, PATIENCE)));
        }
        assertEquals(dropped + 6, dropped(tab.client()));
    }

    // SPEC 12.2: a browser that stops reading never holds up the sender: its events are dropped and counted,
    // and the session's other tab still gets its own at once
    @Test
    void aBrowserThatStopsReadingNeverBlocksTheSender() throws IOException {
        WebClient client = new WebClient(base);
        Tab stalled = open(client);
        Tab other = open(client);
        long dropped = dropped(client);
        HttpResponse<InputStream> unread = client.send(client.request(stalled.streamUrl(), "Accept",
                "text/event-stream").GET(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, unread.statusCode());
        try (PageEvents stream = other.stream()) {
            String kilobytes = "x".repeat(16 * 1024);
            for (int round = 0; round < 3; round++) { // 24 MB: more than any socket buffer holds
                assertEquals("sent=500", stalled.send("bulk", kilobytes, 500).body());
            }
            other.send("item", "", 1);
            assertEquals(new Frame("1", "item", "1"), stream.nextEvent(PATIENCE));
        } finally {
            unread.body().close();
        }
        assertTrue(dropped(client) > dropped, "a browser that cannot keep up loses the oldest events");
    }

    // SPEC 12.1, 6.6: the page's end (here: its tab went away) sends the final event and closes the stream
    @Test
    void thePagesEndSendsTheFinalEventAndClosesItsStream() {
        Tab tab = open();
        try (PageEvents stream = tab.stream()) {
            tab.send("item", "", 1);
            assertEquals("1", stream.nextEvent(PATIENCE).id());
            assertEquals(204, tab.client().post("nex/unload", Map.of("page", tab.pageId())).statusCode());
            assertEquals(PagePush.END_EVENT, stream.nextEvent(PATIENCE).event());
            assertTrue(stream.endsWithin(PATIENCE), "the server closes the stream");
        }
    }

    // SPEC 12.1, 3.2: another session cannot open a page's stream, even with its URL; the page's own still works
    @Test
    void anotherSessionCannotOpenThePagesStream() {
        Tab tab = open();
        tab.send("item", "", 1);
        try (PageEvents stolen = PageEvents.open(new WebClient(base), tab.streamUrl())) {
            assertEquals(403, stolen.status(), stolen::refusal);
        }
        try (PageEvents stream = tab.stream()) {
            assertEquals(new Frame("1", "item", "1"), stream.nextEvent(PATIENCE));
        }
    }

    // SPEC 12.1, 3.3: a malformed or repeated ticket, a stream request without one, or a Last-Event-ID that is no
    // event id, is a 400 with a short message
    @Test
    void malformedTicketsAndEventIdsAreRefused() {
        Tab tab = open();
        String path = tab.streamUrl().substring(0, tab.streamUrl().indexOf('?'));
        String ticket = tab.streamUrl().substring(tab.streamUrl().indexOf('=') + 1);
        for (String query : List.of("nex-ticket=abc", "nex-ticket=" + ticket + "x", "nex-ticket=",
                "nex-ticket=" + ticket + "&nex-ticket=" + ticket, "nex-ticket=%00%ff", "other=1")) {
            try (PageEvents stream = PageEvents.open(tab.client(), path + "?" + query)) {
                assertEquals(400, stream.status(), query + ": " + stream.refusal());
                assertTrue(stream.refusal().length() < 200, stream::refusal);
            }
        }
        for (String lastEventId : List.of("x1", "-1", "99999999999999999999")) {
            try (PageEvents stream = tab.stream("Last-Event-ID", lastEventId)) {
                assertEquals(400, stream.status(), lastEventId + ": " + stream.refusal());
            }
        }
        try (PageEvents stream = tab.stream()) {
            assertEquals(200, stream.status(), "the page's stream itself opens");
        }
    }

    // SPEC 12.1, 3.4: a ticket of the right form that names no page of this application (forged, altered, or from
    // before a redeploy) opens nothing: the stream gets the final event at once, so the browser stops asking
    @Test
    void aTicketThisApplicationDidNotIssueEndsTheStreamAtOnce() {
        Tab tab = open();
        String ticket = tab.streamUrl().substring(tab.streamUrl().indexOf('=') + 1);
        char flipped = ticket.charAt(40) == 'A' ? 'B' : 'A';
        String altered = tab.streamUrl().replace(ticket, ticket.substring(0, 40) + flipped + ticket.substring(41));
        try (PageEvents stream = PageEvents.open(tab.client(), altered)) {
            assertEquals(200, stream.status(), stream::refusal);
            assertEquals(PagePush.END_EVENT, stream.nextEvent(PATIENCE).event());
            assertTrue(stream.endsWithin(PATIENCE));
        }
    }

    // SPEC 12.3: a session holds at most nex.push.max-per-session=2 streams: one more is a 429; a page's
    // reconnect replaces its own stream, and a stream that closed frees its place; other sessions are not counted
    @Test
    void streamsPerSessionAreCapped() {
        WebClient client = new WebClient(base);
        Tab first = open(client);
        Tab second = open(client);
        Tab third = open(client);
        try (PageEvents one = first.stream(); PageEvents two = second.stream()) {
            assertEquals(200, one.status());
            assertEquals(200, two.status());
            try (PageEvents refused = third.stream()) {
                assertEquals(429, refused.status(), refused::refusal);
                assertTrue(refused.response().headers().firstValue("Retry-After").isPresent());
            }
            try (PageEvents again = first.stream()) {
                assertEquals(200, again.status(), "a page's reconnect replaces its stream");
                assertTrue(one.endsWithin(PATIENCE), "the replaced stream closes");
            }
            assertEquals(204, client.post("nex/unload", Map.of("page", second.pageId())).statusCode());
            assertTrue(two.endsWithin(PATIENCE));
            Poll.until("a closed stream frees its place", PATIENCE, () -> {
                try (PageEvents now = third.stream()) {
                    return now.status() == 200;
                }
            });
            try (PageEvents elsewhere = open().stream()) {
                assertEquals(200, elsewhere.status(), "another session has its own count");
            }
        }
    }

    // SPEC 12.3: an idle stream gets heartbeats (nex.push.heartbeat=PT1S), which proxies see as traffic
    @Test
    void anIdleStreamGetsHeartbeats() {
        Tab tab = open();
        try (PageEvents stream = tab.stream()) {
            int heartbeats = 0;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (heartbeats < 3 && System.nanoTime() < deadline) {
                Frame frame = stream.nextFrame(PATIENCE);
                assertNotNull(frame, "the stream stays open");
                if (frame.isComment() && frame.data().isEmpty()) {
                    heartbeats++;
                }
            }
            assertEquals(3, heartbeats);
        }
    }

    // SPEC 12.2, 6.8: a task on a managed executor that carries the page reports to that page's stream, in
    // order, and to no other tab of the session
    @Test
    void aTaskOnAManagedExecutorPushesToItsOwnPage() {
        WebClient client = new WebClient(base);
        Tab working = open(client);
        Tab idle = open(client);
        try (PageEvents progress = working.stream(); PageEvents quiet = idle.stream()) {
            HttpResponse<String> started = client.post("app/push-actions/job", Map.of("steps", "5"),
                    "HX-Request", "true", PAGE_HEADER, working.pageId());
            assertEquals("started", started.body());
            List<Frame> events = progress.nextEvents(6, PATIENCE);
            assertEquals("progress,progress,progress,progress,progress,result",
                    events.stream().map(Frame::event).collect(Collectors.joining(",")));
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), ids(events));
            assertEquals("<p id=\"result\">done in 5 steps</p>", events.get(5).data());
            idle.send("item", "", 1);
            assertEquals(new Frame("1", "item", "1"), quiet.nextEvent(PATIENCE), "the other tab got nothing else");
        }
    }

    // SPEC 12.1, 12.2: in Chromium, htmx's SSE extension (served by Nex) opens the page's stream and swaps the
    // fragments a job on a managed executor pushes; the page's end closes the EventSource for good
    @Test
    void htmxSwapsThePushedFragmentsIntoThePage() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/push");
            browser.find(By.id("start")).click();
            browser.waitForText(By.id("outcome"), "done in 5 steps");
            assertEquals("5", browser.find(By.id("bar")).getAttribute("value"));
            // the page ends while its tab still shows it (the beacon its tab sends when it goes away, sent now):
            // the final event closes the EventSource (readyState 2), and it stays closed
            browser.script("navigator.sendBeacon(arguments[0], new URLSearchParams({page: nex.pageId()}))",
                    base.getPath() + "nex/unload");
            Poll.until("the EventSource is closed", PATIENCE, () -> Long.valueOf(2).equals(browser.script(
                    "return document.getElementById('listener')['htmx-internal-data'].sseEventSource.readyState")));
            Poll.pause(Duration.ofSeconds(3));
            assertEquals(2L, browser.script(
                    "return document.getElementById('listener')['htmx-internal-data'].sseEventSource.readyState"),
                    "no reconnect to a page that ended");
        }
    }

    private static List<String> ids(List<Frame> events) {
        return events.stream().map(Frame::id).toList();
    }

    private static long dropped(WebClient client) {
        return statistic(client, "dropped");
    }

    /** A figure of the application's page statistics (its MBean). */
    private static long statistic(WebClient client, String name) {
        String stats = client.get("app/" + StatisticsResource.PATH).body();
        Matcher matcher = Pattern.compile("\\b" + name + "=(\\d+)").matcher(stats);
        assertTrue(matcher.find(), stats);
        return Long.parseLong(matcher.group(1));
    }
}
