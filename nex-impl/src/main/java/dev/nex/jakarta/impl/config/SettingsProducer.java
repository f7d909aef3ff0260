package dev.nex.jakarta.impl.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import dev.nex.jakarta.impl.NexExtension;

/** Makes the settings validated at deployment injectable. */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    NexExtension extension;

    @Produces
    NexSettings settings() {
        return extension.settings();
    }
}
