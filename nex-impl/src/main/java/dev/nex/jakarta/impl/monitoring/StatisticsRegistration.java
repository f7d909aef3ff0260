package dev.nex.jakarta.impl.monitoring;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import dev.nex.jakarta.impl.ServerApis;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * Publishes the application's page statistics when the web application starts, and withdraws them when it stops:
 * the MBean always, the OpenTelemetry metrics where the server provides MicroProfile Telemetry 2. A servlet
 * listener rather than a CDI lifecycle observer: it knows the context path on every server.
 */
public class StatisticsRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StatisticsRegistration.class.getName());

    @Inject
    PageStatistics statistics;

    @Inject
    PageStateBackend backend;

    /** The OpenTelemetry metrics, if they started: held as {@code AutoCloseable}, a type every server has. */
    private Optional<AutoCloseable> metrics = Optional.empty();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        statistics.register(event.getServletContext().getContextPath());
        if (ServerApis.visible(ServerApis.OPEN_TELEMETRY)) {
            metrics = PageMetrics.start(statistics, backend);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        statistics.unregister();
        metrics.ifPresent(started -> {
            try {
                started.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Nex metrics were already withdrawn", e);
            }
        });
        metrics = Optional.empty();
    }
}
