package dev.nex.jakarta.tck.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer without sticky sessions, for tests on loopback: each request goes to the next node in turn,
 * whatever its cookies say. Absolute {@code Location} headers pointing at a node are rewritten to the proxy.
 * <pre>{@code
 * try (RoundRobinProxy proxy = RoundRobinProxy.start(nodeA.base(), nodeB.base())) {
 *     browser.get(proxy.base(), "cart");
 * }
 * }</pre>
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final List<URI> origins;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicIntegerArray forwarded;

    private RoundRobinProxy(List<URI> bases) throws IOException {
        origins = bases.stream().map(b -> URI.create(b.getScheme() + "://" + b.getRawAuthority())).toList();
        forwarded = new AtomicIntegerArray(bases.size());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::forward);
        server.start();
        URI first = bases.get(0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + first.getRawPath());
    }

    /** A proxy in front of nodes with these base URLs (one context path); {@link #base()} is the same path on it. */
    public static RoundRobinProxy start(URI... nodeBases) throws IOException {
        return new RoundRobinProxy(List.of(nodeBases));
    }

    public URI base() {
        return base;
    }

    /** How many requests went to node {@code index}. */
    public int forwardedTo(int index) {
        return forwarded.get(index);
    }

    private void forward(HttpExchange exchange) throws IOException {
        int node = Math.floorMod(next.getAndIncrement(), origins.size());
        forwarded.incrementAndGet(node);
        URI origin = origins.get(node);
        try {
            HttpResponse<byte[]> response = http.send(request(exchange, origin), HttpResponse.BodyHandlers.ofByteArray());
            String proxyOrigin = "http://127.0.0.1:" + server.getAddress().getPort();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name,
                            name.equalsIgnoreCase("location") ? value.replace(origin.toString(), proxyOrigin) : value));
                }
            });
            byte[] bytes = response.body();
            boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : bytes.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(502, -1); // the node is down: as a load balancer would say
        } finally {
            exchange.close();
        }
    }

    private static HttpRequest request(HttpExchange exchange, URI origin) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(origin.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
