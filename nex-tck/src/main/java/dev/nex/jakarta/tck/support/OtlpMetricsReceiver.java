package dev.nex.jakarta.tck.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import dev.nex.jakarta.testing.Poll;

/**
 * Nex's metrics as one application exported them, received over OTLP/HTTP on loopback: a server's MicroProfile
 * Telemetry exports to it as it would to the operator's collector, and a test reads the newest value of each metric
 * of Nex's instrumentation scope that the application (its {@code service.name}) sent. Numbers are kept by name and
 * attributes ({@code nex.page.ended{nex.page.end_reason=expired}}); a histogram by its data point count
 * ({@code nex.grid.round_trip.duration{nex.grid.operation=get}.count}).
 * <pre>{@code
 * OtlpMetricsReceiver metrics = OtlpMetricsReceiver.forService("my-test");
 * // deploy with metrics.exportConfiguration(Duration.ofMillis(500)), use the application, then
 * metrics.await("3 pages created", Duration.ofSeconds(30), () -> metrics.value("nex.page.created") == 3);
 * }</pre>
 * All receivers of a test JVM share one HTTP server on port {@code nex.tck.otlp-port} (default 14318). It is never
 * stopped: it lives until the JVM exits, so that the export a server makes while it undeploys finds it.
 */
public final class OtlpMetricsReceiver {

    /** JUnit tag of tests that need the server's MicroProfile Telemetry 2 (metrics): runners exclude it elsewhere. */
    public static final String TAG = "mp-telemetry";
    /** Nex's instrumentation scope. */
    private static final String SCOPE = "dev.nex.jakarta";
    private static final Map<String, OtlpMetricsReceiver> BY_SERVICE = new ConcurrentHashMap<>();
    private static HttpServer server;

    private final String service;
    private final Map<String, Double> newest = new ConcurrentHashMap<>();

    private OtlpMetricsReceiver(String service) {
        this.service = service;
    }

    /** The receiver of what the application exporting as {@code serviceName} sends. */
    public static synchronized OtlpMetricsReceiver forService(String serviceName) {
        if (server == null) {
            int port = Integer.getInteger("nex.tck.otlp-port", 14318);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot listen for OTLP metrics on port " + port, e);
            }
            server.createContext("/v1/metrics", OtlpMetricsReceiver::receive);
            server.start();
        }
        return BY_SERVICE.computeIfAbsent(serviceName, OtlpMetricsReceiver::new);
    }

    /**
     * MicroProfile Config lines that make the application export its metrics, and only those, to this receiver
     * every {@code interval} (a server without MicroProfile Telemetry ignores them).
     */
    public String exportConfiguration(Duration interval) {
        return String.join("\n", "otel.sdk.disabled=false", "otel.service.name=" + service,
                "otel.metrics.exporter=otlp", "otel.traces.exporter=none", "otel.logs.exporter=none",
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.exporter.otlp.endpoint=http://127.0.0.1:" + server.getAddress().getPort(),
                "otel.metric.export.interval=" + interval.toMillis(), "");
    }

    /** The newest value of {@code key} (a metric's name, with its attributes in braces if it has any), or -1. */
    public double value(String key) {
        return newest.getOrDefault(key, -1.0);
    }

    /** Waits until {@code exported} holds; fails with {@code what} and everything received so far if it does not. */
    public void await(String what, Duration limit, Supplier<Boolean> exported) {
        try {
            Poll.until(what, limit, exported);
        } catch (AssertionError notExported) {
            throw new AssertionError(notExported.getMessage() + "; received " + received(), notExported);
        }
    }

    /** Everything received so far, for failure messages. */
    public String received() {
        return new TreeMap<>(newest).toString();
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = decoded(exchange)) {
            ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                OtlpMetricsReceiver receiver = BY_SERVICE.get(serviceName(resource));
                for (ScopeMetrics metrics : resource.getScopeMetricsList()) {
                    if (receiver != null && metrics.getScope().getName().equals(SCOPE)) {
                        metrics.getMetricsList().forEach(receiver::keep);
                    }
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportMetricsServiceResponse: all accepted
        } catch (IOException | RuntimeException unreadable) {
            byte[] reason = String.valueOf(unreadable).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, reason.length);
            exchange.getResponseBody().write(reason);
        } finally {
            exchange.close();
        }
    }

    private static String serviceName(ResourceMetrics resource) {
        return resource.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
                .map(a -> a.getValue().getStringValue()).findFirst().orElse("");
    }

    /** The request's body, unzipped if the exporter compressed it ({@code otel.exporter.otlp.compression}). */
    private static InputStream decoded(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(body) : body;
    }

    private void keep(Metric metric) {
        switch (metric.getDataCase()) {
            case SUM -> metric.getSum().getDataPointsList().forEach(point -> keep(metric.getName(), point));
            case GAUGE -> metric.getGauge().getDataPointsList().forEach(point -> keep(metric.getName(), point));
            case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(point -> newest.put(
                    key(metric.getName(), point.getAttributesList()) + ".count", (double) point.getCount()));
            default -> { }
        }
    }

    private void keep(String name, NumberDataPoint point) {
        double value = point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt()
                : point.getAsDouble();
        newest.put(key(name, point.getAttributesList()), value);
    }

    private static String key(String name, List<KeyValue> attributes) {
        if (attributes.isEmpty()) {
            return name;
        }
        return name + attributes.stream().map(a -> a.getKey() + "=" + a.getValue().getStringValue()).sorted()
                .collect(Collectors.joining(",", "{", "}"));
    }
}
