package dev.nex.jakarta.testing;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

/**
 * One browser session against a Nex application: a cookie jar (the HTTP session, which owns the pages it opens)
 * and the pages it opens, each a tab of its own.
 * <pre>{@code
 * @ArquillianResource URL base;  // or new URL("http://localhost:8080/shop/") for a running application
 *
 * NexClient client = NexClient.at(base);
 * NexPage cart = client.open("app/cart");
 * NexResponse added = cart.post("app/cart/add_item", Map.of("item", "tea"));
 * assertEquals(200, added.status());
 * assertEquals("1", added.outOfBand("cart-count").text());
 * }</pre>
 * Paths are relative to the base URL, which ends with {@code /}. Redirects are not followed: a test sees them.
 */
public final class NexClient {

    private final WebClient http;

    private NexClient(WebClient http) {
        this.http = http;
    }

    /** A new session (an empty cookie jar) against the application at {@code base}. */
    public static NexClient at(URL base) {
        return new NexClient(new WebClient(base));
    }

    /** A new session (an empty cookie jar) against the application at {@code base}. */
    public static NexClient at(URI base) {
        return new NexClient(new WebClient(base));
    }

    /**
     * This session talking to another node of a cluster at {@code otherBase}, as a load balancer without sticky
     * sessions would route it. Cookies are per host, not per port, so nodes on one host share them.
     */
    public NexClient on(URI otherBase) {
        return new NexClient(http.on(otherBase));
    }

    /**
     * Loads {@code path} as a full page (a GET without {@code HX-Request}), which starts a new page.
     *
     * @throws AssertionError if the answer is not 200 or carries no page script
     */
    public NexPage open(String path) {
        HttpResponse<String> page = http.get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + page.uri() + " answered " + page.statusCode() + ":\n" + page.body());
        }
        return NexPage.from(http, page);
    }

    /** The HTTP client of this session, for requests the page client does not make (they share the cookies). */
    public WebClient http() {
        return http;
    }
}
