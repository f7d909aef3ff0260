package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.nex.jakarta.tck.support.StatisticsResource;
import dev.nex.jakarta.testing.WebClient;

/**
 * One browser session against the state test application: opens pages (full GETs) and sends htmx actions
 * that carry a page id, as the page script would.
 */
final class PageSession {

    static final String PAGE_HEADER = "X-Nex-Page-Id";

    final WebClient http;

    PageSession(URL base) {
        this.http = new WebClient(base);
    }

    PageSession(java.net.URI base) {
        this.http = new WebClient(base);
    }

    private PageSession(WebClient http) {
        this.http = http;
    }

    /** This session (cookie jar) talking to another node of a cluster at {@code otherBase}. */
    PageSession on(java.net.URI otherBase) {
        return new PageSession(http.on(otherBase));
    }

    /** A full page load; {@code query} may store something in mount. Returns the new page id. */
    String open(String query) {
        HttpResponse<String> page = http.get("app/state/page" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, page.statusCode(), page::body);
        String id = page.headers().firstValue(PAGE_HEADER).orElseThrow(() -> new AssertionError(
                "A full page must carry its id in " + PAGE_HEADER));
        assertEquals(id, page.body(), "the header names the page the request was bound to");
        return id;
    }

    HttpResponse<String> get(String pageId, String path) {
        return http.get("app/state/" + path, "HX-Request", "true", PAGE_HEADER, pageId);
    }

    HttpResponse<String> post(String pageId, String path, Map<String, String> form) {
        return http.post("app/state/" + path, form, "HX-Request", "true", PAGE_HEADER, pageId);
    }

    /** An increment of {@code key} on page {@code pageId}, sent without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> incrementInParallel(String pageId, String key) {
        return postInParallel(pageId, "increment", "key=" + key);
    }

    /** An action sent without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> postInParallel(String pageId, String path, String form) {
        return http.sendAsync(http.request("app/state/" + path, "HX-Request", "true", PAGE_HEADER, pageId,
                "Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The body of a successful action. */
    String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "status of " + response.uri() + ": " + response.body());
        return response.body();
    }

    String value(String pageId, String key) {
        return ok(get(pageId, "get?key=" + key));
    }

    void put(String pageId, String key, String value) {
        ok(post(pageId, "put", Map.of("key", key, "value", value)));
    }

    int increment(String pageId, String key) {
        return Integer.parseInt(ok(post(pageId, "increment", Map.of("key", key))));
    }

    /** The application's page statistics, read through its JMX MBean: live, created, entries, ended.REASON. */
    Map<String, String> stats() {
        return parse(ok(http.get("app/" + StatisticsResource.PATH)));
    }

    /**
     * The lifecycle log of a page with a {@code @PageScoped} bean that ended exactly once, for {@code reason},
     * its end observers and {@code @PreDestroy} each seeing that page and nothing else (SPEC 5.5).
     */
    static Map<String, String> endedOnce(String reason) {
        return Map.of("initialized", "1", "beforeDestroyed", "1", "destroyed", "1", "preDestroy", "1",
                "sawOwnPage", "3", "reason", reason, "sawOther", "");
    }

    /** Events and {@code @PreDestroy} calls seen for {@code pageId}, and its end reason(s). */
    Map<String, String> log(String pageId) {
        return parse(ok(http.get("app/state/log?page=" + pageId)));
    }

    static Map<String, String> parse(String pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs.split(";")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }
}
