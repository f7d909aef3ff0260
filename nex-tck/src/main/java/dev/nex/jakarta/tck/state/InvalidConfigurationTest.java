package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.tck.arquillian.DeployedContexts;
import dev.nex.jakarta.tck.support.WebClient;

/** SPEC 8: a configuration value Nex cannot use fails the deployment, naming the key. */
@ExtendWith(ArquillianExtension.class)
class InvalidConfigurationTest {

    private static final String BAD_TTL = "bad-ttl";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BAD_TTL, managed = false, testable = false)
    static WebArchive badTtl() {
        return StateDeployment.create("bad-config", "nex.page.ttl=an hour\n");
    }

    // SPEC 8
    @Test
    void invalidValueFailsTheDeploymentNamingTheKey() {
        try {
            deployer.deploy(BAD_TTL);
        } catch (Exception failure) { // adapters throw their checked DeploymentException undeclared
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("nex.page.ttl"), messages::toString);
            return;
        }
        // The adapter reported no failure (Payara Micro's logs it and starts without the application):
        // then the application must not be running. The server log names the key.
        URI server = DeployedContexts.serverOf(BAD_TTL).orElseThrow(() -> new AssertionError(
                "The deployment neither failed nor reported where it runs"));
        assertEquals(404, new WebClient(server).get("bad-config/app/state/page").statusCode(),
                "an application with an invalid nex.page.ttl must not be running");
    }
}
