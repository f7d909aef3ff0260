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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer without sticky sessions, for tests on loopback: each request goes to the next node in turn,
 * whatever its cookies say, unless a test {@linkplain #pin pins} its path to one node. Absolute {@code Location}
 * headers pointing at a node are rewritten to the proxy. Response bodies are passed on as they arrive, so an event
 * stream reaches the browser event by event.
 * <pre>{@code
 * try (RoundRobinProxy proxy = RoundRobinProxy.start(nodeA.base(), nodeB.base())) {
 *     proxy.pin("/nex/events", 0);          // the page's stream is held by node A ...
 *     proxy.pin("/import/start", 1);        // ... and its job runs on node B
 *     browser.get(proxy.base(), "import");
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
    private final Map<String, Integer> pinned = new ConcurrentHashMap<>();
    private final Set<InputStream> passing = ConcurrentHashMap.newKeySet();

    private RoundRobinProxy(List<URI> bases) throws IOException {
        origins = bases.stream().map(b -> URI.create(b.getScheme() + "://" + b.getRawAuthority())).toList();
        forwarded = new AtomicIntegerArray(bases.size());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool()); // an open event stream holds its thread
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

    /** From now on, requests whose path contains {@code pathPart} all go to node {@code index}. */
    public void pin(String pathPart, int index) {
        pinned.put(pathPart, index);
    }

    /** How many requests went to node {@code index}. */
    public int forwardedTo(int index) {
        return forwarded.get(index);
    }

    private void forward(HttpExchange exchange) throws IOException {
        int node = nodeFor(exchange.getRequestURI().getRawPath());
        forwarded.incrementAndGet(node);
        URI origin = origins.get(node);
        try {
            HttpResponse<InputStream> response = http.send(request(exchange, origin),
                    HttpResponse.BodyHandlers.ofInputStream());
            String proxyOrigin = "http://127.0.0.1:" + server.getAddress().getPort();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name,
                            name.equalsIgnoreCase("location") ? value.replace(origin.toString(), proxyOrigin) : value));
                }
            });
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            boolean empty = length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : Math.max(length, 0)); // 0: chunked
            InputStream in = response.body();
            passing.add(in);
            try (in; OutputStream out = exchange.getResponseBody()) {
                if (!empty) {
                    passOn(in, out);
                }
            } finally {
                passing.remove(in);
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (exchange.getResponseCode() == -1) {
                exchange.sendResponseHeaders(502, -1); // the node is down: as a load balancer would say
            }
        } finally {
            exchange.close();
        }
    }

    private int nodeFor(String path) {
        return pinned.entrySet().stream().filter(pin -> path.contains(pin.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseGet(() -> Math.floorMod(next.getAndIncrement(), origins.size()));
    }

    /** Writes each piece as it comes, so that a stream's events are not held back until it ends. */
    private static void passOn(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
            out.flush();
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

    /** Also ends the requests still passing a body on (event streams), as a balancer that stops would. */
    @Override
    public void close() {
        for (InputStream in : passing) {
            try {
                in.close();
            } catch (IOException e) {
                // the node's answer is cut off either way
            }
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
