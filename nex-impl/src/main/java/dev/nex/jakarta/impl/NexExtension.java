package dev.nex.jakarta.impl;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.health.PageStoreReadiness;
import dev.nex.jakarta.impl.scope.PageContext;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.upload.PartRules;
import dev.nex.jakarta.impl.web.RouteIndex;

/**
 * The portable extension: registers the {@code @PageScoped} context (SPEC 5.1), reads the configuration once,
 * failing the deployment on any bad value (SPEC 8), indexes the application's resource paths (SPEC 7.5) and fails
 * the deployment of resources whose uploads would not read the same on every server (SPEC 11.4), and adds the
 * page store's readiness check where the server provides MicroProfile Health (SPEC 9).
 */
public class NexExtension implements Extension {


    private final RouteIndex routes = new RouteIndex();
    private final List<String> uploadProblems = new ArrayList<>();
    private volatile NexSettings settings;
    /** The application's page store once {@link BackendProducer} selected it: for the readiness check. */
    private volatile PageStateBackend pageStore;
    /**
     * A member, not a local variable: GlassFish turns MicroProfile Config on only for applications in which its
     * deployment scan finds a {@code Config}-typed member, an {@code @ConfigProperty} or a config file; this field
     * spares GlassFish users from adding one.
     */
    private Config config;

    void indexRoutes(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> type) {
        if (type.getAnnotatedType().isAnnotationPresent(Path.class)) {
            routes.add(type.getAnnotatedType().getJavaClass());
            uploadProblems.addAll(PartRules.problemsOf(type.getAnnotatedType().getJavaClass()));
        }
    }

    void registerContext(@Observes AfterBeanDiscovery event) {
        event.addContext(new PageContext());
    }

    /** SPEC 9: the page store's readiness check, where the server provides MicroProfile Health. */
    void addReadinessCheck(@Observes AfterBeanDiscovery event) {
        if (ServerApis.visible(ServerApis.MICROPROFILE_HEALTH)) {
            PageStoreReadiness.register(event, this::settings, () -> pageStore);
        }
    }

    void readSettings(@Observes AfterDeploymentValidation event) {
        config = ConfigProvider.getConfig();
        try {
            settings = NexSettings.load(key -> config.getOptionalValue(key, String.class));
        } catch (NexSettings.InvalidSettingsException e) {
            event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
        if (!uploadProblems.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException("Uploads (SPEC 11.4): " + String.join("; ",
                    uploadProblems)));
        }
    }

    public NexSettings settings() {
        return settings;
    }

    void pageStoreSelected(PageStateBackend selected) {
        pageStore = selected;
    }

    /** The application's resource paths, for Referer-relative actions. */
    public RouteIndex routes() {
        return routes;
    }
}
