package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.tck.support.OtlpMetricsReceiver;

/**
 * SPEC 9, metrics: where the server provides MicroProfile Telemetry 2, the page statistics reach the operator's
 * collector as OpenTelemetry metrics, with the same figures as the MBean. The collector is a receiver in the test
 * JVM; the deployment sends to it over OTLP/HTTP every half second.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(OtlpMetricsReceiver.TAG)
class MetricsTest {

    private static final OtlpMetricsReceiver COLLECTOR = OtlpMetricsReceiver.forService("nex-tck-metrics");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return StateDeployment.create("metrics", "nex.page.max-per-session=2\n"
                + COLLECTOR.exportConfiguration(Duration.ofMillis(500)));
    }

    // SPEC 9: live pages, pages created, ends by reason and store entries are exported as the MBean counts them
    @Test
    void pageStatisticsAreExportedAsOpenTelemetryMetrics() {
        PageSession session = new PageSession(base);
        for (int i = 0; i < 3; i++) {
            session.open("put=k&value=" + i); // the third page ends the first: two pages per session
        }
        Map<String, String> mbean = session.stats();
        assertEquals("3", mbean.get("created"), mbean.toString());
        assertEquals("1", mbean.get("ended.SESSION_LIMIT"), mbean.toString());

        COLLECTOR.await("the metrics of 3 pages created, 1 ended by the session cap, 2 live with 1 entry each",
                Duration.ofSeconds(30), () -> COLLECTOR.value("nex.page.created") == 3
                        && COLLECTOR.value("nex.page.ended{nex.page.end_reason=session_limit}") == 1
                        && COLLECTOR.value("nex.page.live") == 2
                        && COLLECTOR.value("nex.store.entries") == 2);
        assertEquals(0, COLLECTOR.value("nex.page.ended{nex.page.end_reason=expired}"), COLLECTOR.received());
        assertEquals(-1, COLLECTOR.value("nex.grid.round_trip.duration{nex.grid.operation=get}.count"),
                "in memory, no grid round trips: " + COLLECTOR.received());
    }
}
