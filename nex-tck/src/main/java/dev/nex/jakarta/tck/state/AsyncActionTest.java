package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.testing.Poll;

/**
 * Actions that complete asynchronously (SPEC 6.8, 4.5): on a Jakarta Concurrency executor whose context service
 * propagates the page ({@link AsyncServlet}), a JAX-RS {@code AsyncResponse}, a {@code CompletionStage} and a
 * servlet {@code AsyncContext} see their page's store and {@code @PageScoped} beans, and the page is not ended
 * until the asynchronous request completes.
 */
@ExtendWith(ArquillianExtension.class)
class AsyncActionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return StateDeployment.create("async-actions", "").addClasses(AsyncResource.class, AsyncServlet.class);
    }

    // SPEC 6.8, 4.1, 5.2: an AsyncResponse resumed on an executor thread works on the page of its request
    @Test
    void asyncResponseSeesItsPageOnTheExecutorThread() {
        PageSession session = new PageSession(base);
        String id = session.open("bean=true");
        assertEquals("page=" + id + ";hits=1;bean=2;async=true",
                session.ok(async(session, id, "suspended")));
        assertEquals("1", session.value(id, "hits"), "the executor's write is the page's");
    }

    // SPEC 6.8, 4.1, 5.2: a CompletionStage completed on an executor thread works on the page of its request
    @Test
    void completionStageSeesItsPageOnTheExecutorThread() {
        PageSession session = new PageSession(base);
        String id = session.open("bean=true");
        assertEquals("page=" + id + ";hits=1;bean=2;async=true", session.ok(async(session, id, "stage")));
        assertEquals("page=" + id + ";hits=2;bean=3;async=true", session.ok(async(session, id, "stage")));
        String other = session.open("bean=true");
        assertEquals("page=" + other + ";hits=1;bean=2;async=true", session.ok(async(session, other, "stage")),
                "pages stay isolated across executor threads");
    }

    // SPEC 6.8, 7.4: an asynchronous action returns its directive, which becomes the htmx header
    @Test
    void asyncActionReturnsADirective() {
        PageSession session = new PageSession(base);
        String id = session.open("");
        HttpResponse<String> response = async(session, id, "directive");
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("counted-1", response.headers().firstValue("HX-Trigger").orElse(null));
    }

    // SPEC 6.8, 4.1: a servlet in asynchronous mode, completed by an executor task, writes to its page
    @Test
    void servletAsyncContextSeesItsPage() {
        PageSession session = new PageSession(base);
        String id = session.open("put=k&value=1");
        HttpResponse<String> response = session.http.send(session.http.request("async-servlet", "HX-Request",
                "true", PageSession.PAGE_HEADER, id).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("hits=1", session.ok(response));
        assertEquals("1", session.value(id, "hits"));
    }

    // SPEC 6.8, 6.6: a page in use by an asynchronous action is not ended under it (its tab is closed meanwhile):
    // the action still sees the page intact, and the page ends, exactly once, when the action completes
    @Test
    void pageOfAnAsyncActionInFlightEndsOnlyAfterIt() {
        PageSession session = new PageSession(base);
        String held = session.open("bean=true&put=k&value=1");
        CompletableFuture<HttpResponse<String>> holding = session.http.sendAsync(session.http.request(
                "app/async/hold", "HX-Request", "true", PageSession.PAGE_HEADER, held)
                .POST(HttpRequest.BodyPublishers.noBody()));
        PageSession observer = new PageSession(base);
        Poll.until("the action holds its page", PATIENCE,
                () -> "true".equals(observer.ok(observer.http.get("app/async/holding"))));

        assertEquals(204, session.http.post("nex/unload", Map.of("page", held)).statusCode());
        Poll.pause(Duration.ofMillis(500));
        assertEquals("0", observer.log(held).get("destroyed"), "the held page is not ended under its action");

        observer.ok(observer.http.post("app/async/release", Map.of()));
        assertEquals("released=true;destroyed=false;value=1", session.ok(holding.join()));
        Poll.until("the held page ends after its action", PATIENCE,
                () -> "1".equals(observer.log(held).get("destroyed")));
        assertEquals(PageSession.endedOnce("UNLOADED"), observer.log(held));
    }

    /** An htmx POST of page {@code pageId} to an action of {@link AsyncResource}. */
    private static HttpResponse<String> async(PageSession session, String pageId, String action) {
        return session.http.post("app/async/" + action, Map.of(), "HX-Request", "true", PageSession.PAGE_HEADER,
                pageId);
    }
}
