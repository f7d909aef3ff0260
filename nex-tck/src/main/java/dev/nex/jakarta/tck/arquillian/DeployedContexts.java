package dev.nex.jakarta.tck.arquillian;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Where the server says each deployment lives, by deployment name. Tests of deployments that must fail use it:
 * some adapters (Payara Micro's) report a failed deployment as deployed, so the test checks that the
 * application does not answer there.
 */
public class DeployedContexts {

    private static final Map<String, URI> SERVERS = new ConcurrentHashMap<>();

    @Inject
    private Instance<ProtocolMetaData> metaData;

    void record(@Observes AfterDeploy event) {
        ProtocolMetaData deployed = metaData.get();
        if (deployed != null) {
            for (HTTPContext context : deployed.getContexts(HTTPContext.class)) {
                SERVERS.put(event.getDeployment().getName(),
                        URI.create("http://" + context.getHost() + ":" + context.getPort() + "/"));
            }
        }
    }

    /** The server root (scheme, host, port) of deployment {@code name}, if the adapter reported one. */
    public static Optional<URI> serverOf(String name) {
        return Optional.ofNullable(SERVERS.get(name));
    }
}
