package dev.nex.jakarta.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Push (SPEC 12) against one server with nex-bench.war deployed: the server's heap per open idle stream (1,000 of
 * them, beside the same 1,000 pages without streams), how many events per second one page's sender sends and its
 * stream delivers, and the latency from {@code send} to the browser's receipt. Arguments: the server's base URL
 * and the stage the figures go to ({@code push-wildfly} or {@code push-payara}).
 */
public final class PushBench {

    private static final String PAGE_HEADER = "X-Nex-Page-Id";
    private static final Pattern USED = Pattern.compile("used=(\\d+)");
    private static final int STREAMS = 1_000;
    /** Streams a session may hold (nex.push.max-per-session): the pages are spread over sessions of this many. */
    private static final int PER_SESSION = 16;

    private final String base;
    private final String context;
    private final Results results;
    private final boolean quick = Boolean.getBoolean("bench.quick");

    private PushBench(String base, String context, Results results) {
        this.base = base;
        this.context = context;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        PushBench bench = new PushBench(args[0], "/nex-bench", Results.of(args[1]));
        bench.memory();
        bench.throughput();
        bench.latency(bench.base, "latency");
        bench.results.save();
    }

    /**
     * Latency across a cluster (SPEC 12.4), into {@code results} with keys prefixed {@code prefix}: the page and
     * its stream on node {@code a}, the events sent through node {@code b}; then all through node {@code a}.
     */
    static void acrossCluster(String a, String b, String context, Results results, String prefix)
            throws Exception {
        PushBench bench = new PushBench(a, context, results);
        bench.latency(b, prefix + ".push-across-nodes");
        bench.latency(a, prefix + ".push-same-node");
    }

    /** One page: its session's client, its id and its stream's URL. */
    private record Page(HttpClient client, String id, String streamUrl) {
    }

    private static HttpClient session() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    private Page open(HttpClient client) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + context + "/app/push/page"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("push page: " + page.statusCode() + " " + page.body());
        }
        return new Page(client, page.headers().firstValue(PAGE_HEADER).orElseThrow(), base + page.body().trim());
    }

    private String post(Page page, String action, String form) throws IOException, InterruptedException {
        return post(base, page, action, form);
    }

    /** An htmx action of {@code page}, sent to the node at {@code node}. */
    private String post(String node, Page page, String action, String form) throws IOException,
            InterruptedException {
        HttpResponse<String> response = page.client().send(HttpRequest.newBuilder(
                URI.create(node + context + "/app/push/" + action)).header("HX-Request", "true")
                .header(PAGE_HEADER, page.id()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(action + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private CompletableFuture<HttpResponse<InputStream>> stream(Page page) {
        return page.client().sendAsync(HttpRequest.newBuilder(URI.create(page.streamUrl()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private long retainedHeap() throws IOException, InterruptedException {
        String heap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + context + "/app/heap")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher used = USED.matcher(heap);
        if (!used.find()) {
            throw new IllegalStateException("heap: " + heap);
        }
        return Long.parseLong(used.group(1));
    }

    /**
     * 1,000 pages that each hold one event sent while no stream was open, then the same pages with their streams
     * open (that event delivered, the streams idle): the difference is what an idle stream costs.
     */
    private void memory() throws Exception {
        System.out.println("== Memory per idle stream");
        long before = retainedHeap();
        List<Page> pages = new ArrayList<>(STREAMS);
        HttpClient client = null;
        for (int i = 0; i < STREAMS; i++) {
            if (i % PER_SESSION == 0) {
                client = session();
            }
            Page page = open(client);
            post(page, "stamp", "");
            pages.add(page);
        }
        long withPages = retainedHeap();
        List<CompletableFuture<HttpResponse<InputStream>>> streams = new ArrayList<>(STREAMS);
        for (Page page : pages) {
            streams.add(stream(page));
        }
        List<HttpResponse<InputStream>> open = new ArrayList<>(STREAMS);
        for (CompletableFuture<HttpResponse<InputStream>> stream : streams) {
            HttpResponse<InputStream> response = stream.get(60, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream: " + response.statusCode());
            }
            open.add(response);
        }
        long withStreams = retainedHeap();
        results.put("streams", STREAMS)
                .put("bytes-per-page-with-an-event", (withPages - before) / (double) STREAMS)
                .put("bytes-per-idle-stream", (withStreams - withPages) / (double) STREAMS);
        for (HttpResponse<InputStream> response : open) {
            response.body().close();
        }
    }

    /** One page's sender at full speed: how fast it sends, how many of its events the stream delivers. */
    private void throughput() throws Exception {
        System.out.println("== Events per second to one page");
        int count = quick ? 20_000 : 200_000;
        Page page = open(session());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = stream(page).get(30, TimeUnit.SECONDS);
        Thread reader = read(stream, received);
        long start = System.nanoTime();
        long sendNanos = Long.parseLong(post(page, "burst", "count=" + count));
        long events = 0;
        long last = start;
        while (received.poll(2, TimeUnit.SECONDS) != null) { // until the stream has been quiet for 2 s
            events++;
            last = System.nanoTime();
        }
        stream.body().close();
        reader.join();
        results.put("burst-events", count)
                .put("sent-per-second", count / (sendNanos / 1e9))
                .put("delivered-per-second", events / ((last - start) / 1e9))
                .put("delivered-share", events / (double) count);
    }

    /**
     * Events sent one at a time through {@code sender}, 20 ms apart, to a page whose stream is on this bench's
     * node: from {@code send} to the line arriving at the client.
     */
    private void latency(String sender, String key) throws Exception {
        System.out.println("== Latency from send to receipt (" + key + ")");
        int count = quick ? 100 : 500;
        Page page = open(session());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = stream(page).get(30, TimeUnit.SECONDS);
        Thread reader = read(stream, received);
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            post(sender, page, "stamp", "");
            String data = received.poll(10, TimeUnit.SECONDS);
            long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            if (data == null) {
                throw new IllegalStateException("no event within 10 s");
            }
            micros[i] = now - Long.parseLong(data);
            Thread.sleep(20);
        }
        stream.body().close();
        reader.join();
        Arrays.sort(micros);
        results.put(key + "-events", count)
                .put(key + "-median-ms", micros[count / 2] / 1000.0)
                .put(key + "-p99-ms", micros[count * 99 / 100] / 1000.0);
    }

    /** Reads the stream's {@code data:} lines (the events' payloads) into {@code received}, on a thread. */
    private static Thread read(HttpResponse<InputStream> stream, BlockingQueue<String> received) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("data: ")) {
                        received.add(line.substring(6));
                    }
                }
            } catch (IOException e) {
                // closed when the measurement is done
            }
        }, "push-bench-reader");
        reader.start();
        return reader;
    }
}
