package dev.nex.jakarta.impl.monitoring;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers the application's page statistics MBean when the web application starts and removes it when it
 * stops. A servlet listener rather than a CDI lifecycle observer: it knows the context path on every server.
 */
public class StatisticsRegistration implements ServletContextListener {

    @Inject
    PageStatistics statistics;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        statistics.register(event.getServletContext().getContextPath());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        statistics.unregister();
    }
}
