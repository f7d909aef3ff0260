package dev.nex.jakarta.tck.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** The TCK's Arquillian wiring, registered through {@code META-INF/services}. */
public class TckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ClientDeploymentProcessing.class);
        builder.observer(DeployedContexts.class);
    }
}
