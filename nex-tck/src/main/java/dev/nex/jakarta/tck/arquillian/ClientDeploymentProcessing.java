package dev.nex.jakarta.tck.arquillian;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.ServiceLoader;
import org.jboss.arquillian.test.spi.TestClass;

/**
 * Applies every registered {@link ApplicationArchiveProcessor} to the TCK's client-side deployments
 * ({@code @Deployment(testable = false)}) as well.
 * <p>
 * Arquillian applies those processors only while it wraps a testable deployment. TCK tests talk HTTP or drive a
 * browser from the client, so without this an implementation's processor (the documented way to add its jars to
 * every deployment) would never see a TCK archive.
 */
public class ClientDeploymentProcessing {

    @Inject
    private Instance<ServiceLoader> serviceLoader;

    @Inject
    private Instance<TestClass> testClass;

    // before the deployment exporter (precedence 0), so exported archives show what was deployed
    public void process(@Observes(precedence = 10) BeforeDeploy event) {
        DeploymentDescription deployment = event.getDeployment();
        if (deployment.isArchiveDeployment() && !deployment.testable()) {
            for (ApplicationArchiveProcessor processor : serviceLoader.get().all(ApplicationArchiveProcessor.class)) {
                processor.process(deployment.getArchive(), testClass.get());
            }
        }
    }
}
