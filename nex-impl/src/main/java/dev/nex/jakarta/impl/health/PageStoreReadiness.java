package dev.nex.jakarta.impl.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * SPEC 9: the MicroProfile Health readiness check {@value #NAME}: UP while the page store answers, DOWN with the
 * reason when it does not (on the grid: a member that cannot reach the cache, or a cache that was stopped). The
 * data names the store ({@code nex.store}). It asks the store synchronously, so an unreachable grid answers as
 * late as the grid's own operation timeout; a probe of the endpoint with a timeout of its own reads that as DOWN.
 * <p>
 * Not a discovered bean: {@code beans.xml} leaves this package out, and {@code NexExtension} adds the check only
 * where the server provides MicroProfile Health, so that Nex deploys on servers without it.
 */
@Readiness
@ApplicationScoped
public class PageStoreReadiness implements HealthCheck {

    /** The check's name in the health report. */
    public static final String NAME = "nex-page-store";

    @Inject
    PageStateBackend backend;

    @Inject
    NexSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("store", settings.store().name().toLowerCase());
        try {
            backend.probe();
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", e.getClass().getName() + ": " + e.getMessage()).build();
        }
    }
}
