package dev.nex.jakarta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client with its own cookie jar, so one instance is one browser session (the CSRF token and page
 * ownership live in the HTTP session). Redirects are not followed: tests assert them.
 * <pre>{@code
 * WebClient tab = new WebClient(base);
 * HttpResponse<String> page = tab.get("app/cart");
 * HttpResponse<String> action = tab.post("app/cart/add_item", Map.of("item", "tea"),
 *         "HX-Request", "true", "X-CSRF-TOKEN", token);
 * }</pre>
 * Headers are given as name/value pairs; a name given twice sends two values.
 */
public final class WebClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final CookieManager jar;
    private final HttpClient http;

    public WebClient(URL base) {
        this(toUri(base));
    }

    public WebClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(URI base, CookieManager jar) {
        this(base, jar, client(jar));
    }

    private WebClient(URI base, CookieManager jar, HttpClient http) {
        this.base = base;
        this.jar = jar;
        this.http = http;
    }

    /** A client that keeps no cookies: it sends only those a test puts in a {@code Cookie} header. */
    public static WebClient withoutCookies(URL base) {
        return new WebClient(toUri(base), null);
    }

    private static HttpClient client(CookieManager jar) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1) // as browsers speak plain http; no h2c upgrade
                .connectTimeout(TIMEOUT);
        if (jar != null) {
            builder.cookieHandler(jar);
        }
        return builder.build();
    }

    /** The {@code Cookie} header this client's jar sends to the deployment, e.g. to replay it from elsewhere. */
    public String cookieHeader() {
        return jar.getCookieStore().get(base).stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * The same session (cookie jar) talking to {@code otherBase}: another node of a cluster, as a load balancer
     * without sticky sessions would route it. Cookies are per host, not per port, so nodes on one host share them.
     */
    public WebClient on(URI otherBase) {
        return new WebClient(otherBase, jar, http);
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** POSTs {@code form} as {@code application/x-www-form-urlencoded}. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends, with the body as {@code body} reads it: e.g. an event stream as it arrives. */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting: many of these are really in flight at once (htmx fires requests in parallel). */
    public java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request builder for {@code path} (relative to the deployment) with the given header pairs. */
    public HttpRequest.Builder request(String path, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come in name/value pairs");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** {@code form} as {@code application/x-www-form-urlencoded} text. */
    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
