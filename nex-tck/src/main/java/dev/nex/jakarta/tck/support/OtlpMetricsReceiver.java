package dev.nex.jakarta.tck.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * An OTLP/HTTP metrics receiver on loopback, standing in for the operator's collector: a server's MicroProfile
 * Telemetry exports to it as it would to any collector, and a test reads the newest value of each metric of one
 * instrumentation scope. Numbers are kept by name and attributes ({@code nex.page.ended{nex.page.end_reason=expired}});
 * a histogram by its data point count ({@code nex.grid.round_trip.duration{nex.grid.operation=get}.count}).
 * <pre>{@code
 * OtlpMetricsReceiver collector = OtlpMetricsReceiver.forNex();
 * // deploy with collector.exportConfiguration("my-test", Duration.ofMillis(500)), use the application, then
 * collector.await("3 pages created", Duration.ofSeconds(30), () -> collector.value("nex.page.created") == 3);
 * }</pre>
 */
public final class OtlpMetricsReceiver implements AutoCloseable {

    /** JUnit tag of tests that need the server's MicroProfile Telemetry 2 (metrics): runners exclude it elsewhere. */
    public static final String TAG = "mp-telemetry";

    private final HttpServer server;
    private final String scope;
    private final Map<String, Double> newest = new ConcurrentHashMap<>();

    private OtlpMetricsReceiver(HttpServer server, String scope) {
        this.server = server;
        this.scope = scope;
    }

    /**
     * Listens for Nex's metrics on loopback port {@code nex.tck.otlp-port} (default 14318). Never closed by the
     * tests: it lives until the test JVM exits, so that the export a server makes while it undeploys finds it.
     */
    public static OtlpMetricsReceiver forNex() {
        return start(Integer.getInteger("nex.tck.otlp-port", 14318), "dev.nex.jakarta");
    }

    /** Listens on loopback port {@code port} for metrics of instrumentation scope {@code scope}. */
    public static OtlpMetricsReceiver start(int port, String scope) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            OtlpMetricsReceiver receiver = new OtlpMetricsReceiver(server, scope);
            server.createContext("/v1/metrics", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen for OTLP metrics on port " + port, e);
        }
    }

    /** What to set {@code otel.exporter.otlp.endpoint} to. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * MicroProfile Config lines that make an application export its metrics, and only those, to this receiver every
     * {@code interval} (a server without MicroProfile Telemetry ignores them).
     */
    public String exportConfiguration(String serviceName, Duration interval) {
        return String.join("\n", "otel.sdk.disabled=false", "otel.service.name=" + serviceName,
                "otel.metrics.exporter=otlp", "otel.traces.exporter=none", "otel.logs.exporter=none",
                "otel.exporter.otlp.protocol=http/protobuf", "otel.exporter.otlp.endpoint=" + endpoint(),
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

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = decoded(exchange)) {
            ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                for (ScopeMetrics metrics : resource.getScopeMetricsList()) {
                    if (metrics.getScope().getName().equals(scope)) {
                        metrics.getMetricsList().forEach(this::keep);
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

    private static String key(String name, java.util.List<KeyValue> attributes) {
        if (attributes.isEmpty()) {
            return name;
        }
        return name + attributes.stream().map(a -> a.getKey() + "=" + a.getValue().getStringValue()).sorted()
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
