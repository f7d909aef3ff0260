package dev.nex.jakarta.impl;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.scope.PageContext;

/**
 * The portable extension: registers the {@code @PageScoped} context (SPEC 5.1) and reads the configuration once,
 * failing the deployment on any bad value (SPEC 8).
 */
public class NexExtension implements Extension {

    private volatile NexSettings settings;

    void registerContext(@Observes AfterBeanDiscovery event) {
        event.addContext(new PageContext());
    }

    void readSettings(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        try {
            settings = NexSettings.load(key -> config.getOptionalValue(key, String.class));
        } catch (NexSettings.InvalidSettingsException e) {
            event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
    }

    public NexSettings settings() {
        return settings;
    }
}
