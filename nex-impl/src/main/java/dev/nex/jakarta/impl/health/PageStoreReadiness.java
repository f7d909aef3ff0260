package dev.nex.jakarta.impl.health;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;

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
 * A synthetic bean ({@link #register}), which {@code NexExtension} adds only where the server provides
 * MicroProfile Health: this class carries no CDI annotation, so a server without it never loads the class
 * (GlassFish's deployment scan tries to load every class that carries a scope, and warns when it cannot).
 */
public final class PageStoreReadiness implements HealthCheck {

    /** The check's name in the health report. */
    public static final String NAME = "nex-page-store";

    private final Supplier<NexSettings> settings;
    private final Supplier<PageStateBackend> backend;

    private PageStoreReadiness(Supplier<NexSettings> settings, Supplier<PageStateBackend> backend) {
        this.settings = settings;
        this.backend = backend;
    }

    /**
     * Adds the check as an application-scoped {@code @Readiness HealthCheck}. It reads the settings and the
     * backend through the suppliers, not through CDI: a synthetic bean may land in a bean archive of its own,
     * which on Payara does not see the application's beans.
     */
    public static void register(AfterBeanDiscovery event, Supplier<NexSettings> settings,
            Supplier<PageStateBackend> backend) {
        event.addBean().beanClass(PageStoreReadiness.class).types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE).scope(ApplicationScoped.class)
                .produceWith(beans -> new PageStoreReadiness(settings, backend));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("store", settings.get().store().name().toLowerCase());
        PageStateBackend store = backend.get();
        if (store == null) {
            return response.down().withData("reason", "the page store is not connected yet").build();
        }
        try {
            store.probe();
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", e.getClass().getName() + ": " + e.getMessage()).build();
        }
    }
}
