package dev.nex.jakarta.impl.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;

import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.RoundTripListener;

/**
 * SPEC 9: the page statistics as OpenTelemetry metrics, through the {@code OpenTelemetry} bean of MicroProfile
 * Telemetry 2, which exports them as the server is configured to (OTLP by default). The figures are those of the
 * MBean ({@link PageStatistics}), read when the server collects them; the grid's round trips are recorded as they
 * happen. docs/state.md ("Metrics") lists the names.
 * <p>
 * Only {@link StatisticsRegistration} loads this class, and only where the OpenTelemetry API is visible to the
 * application: no other class of Nex names an OpenTelemetry type.
 */
final class PageMetrics implements AutoCloseable {

    /** The instrumentation scope the metrics are reported under. */
    private static final String SCOPE = "dev.nex.jakarta";
    private static final AttributeKey<String> END_REASON = AttributeKey.stringKey("nex.page.end_reason");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("nex.grid.operation");

    private final List<AutoCloseable> observers;
    private final PageStateBackend backend;

    private PageMetrics(List<AutoCloseable> observers, PageStateBackend backend) {
        this.observers = observers;
        this.backend = backend;
    }

    /**
     * Starts reporting {@code statistics} and the round trips of {@code backend}, if the application can have an
     * {@code OpenTelemetry} bean (empty if not). Typed {@code AutoCloseable}, so that the caller names no class
     * that names OpenTelemetry's.
     */
    static Optional<AutoCloseable> start(PageStatistics statistics, PageStateBackend backend) {
        Instance<OpenTelemetry> telemetry = CDI.current().select(OpenTelemetry.class);
        if (!telemetry.isResolvable()) {
            return Optional.empty();
        }
        Meter meter = telemetry.get().getMeter(SCOPE);
        List<AutoCloseable> observers = List.of(
                meter.upDownCounterBuilder("nex.page.live").setUnit("{page}")
                        .setDescription("Pages alive now (on a data grid: in the whole cluster)")
                        .buildWithCallback(live -> live.record(statistics.getLivePages())),
                meter.counterBuilder("nex.page.created").setUnit("{page}")
                        .setDescription("Pages created since the application started (on a data grid: by this node)")
                        .buildWithCallback(created -> created.record(statistics.getPagesCreated())),
                meter.counterBuilder("nex.page.ended").setUnit("{page}")
                        .setDescription("Pages ended since the application started, by reason "
                                + "(on a data grid: by this node)")
                        .buildWithCallback(ended -> statistics.getPagesEndedByReason().forEach((reason, count) ->
                                ended.record(count, Attributes.of(END_REASON, reason.toLowerCase(Locale.ROOT))))),
                meter.upDownCounterBuilder("nex.store.entries").setUnit("{entry}")
                        .setDescription("PageStore entries of the live pages")
                        .buildWithCallback(entries -> entries.record(statistics.getStoreEntries())),
                meter.upDownCounterBuilder("nex.push.streams").setUnit("{stream}")
                        .setDescription("Event streams open on this node")
                        .buildWithCallback(streams -> streams.record(statistics.getOpenStreams())),
                meter.counterBuilder("nex.push.dropped").setUnit("{event}")
                        .setDescription("Pushed events dropped before a stream took them (on this node)")
                        .buildWithCallback(dropped -> dropped.record(statistics.getPushEventsDropped())));
        DoubleHistogram roundTrips = meter.histogramBuilder("nex.grid.round_trip.duration").setUnit("s")
                .setDescription("Duration of one operation of the data grid, by operation").build();
        Map<String, Attributes> operations = new ConcurrentHashMap<>(); // one per operation, not one per record
        backend.listenToRoundTrips((operation, nanos) -> roundTrips.record(nanos / (double) TimeUnit.SECONDS.toNanos(1),
                operations.computeIfAbsent(operation, name -> Attributes.of(OPERATION, name))));
        return Optional.of(new PageMetrics(observers, backend));
    }

    @Override
    public void close() throws Exception {
        backend.listenToRoundTrips(RoundTripListener.NONE);
        for (AutoCloseable observer : observers) {
            observer.close();
        }
    }
}
