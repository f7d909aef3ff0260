package dev.nex.jakarta.tck.runner;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link NexDeploymentProcessor} with Arquillian on the client side. */
public class NexRunnerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, NexDeploymentProcessor.class);
    }
}
