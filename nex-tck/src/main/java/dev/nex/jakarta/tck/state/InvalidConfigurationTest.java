package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.tck.arquillian.DeployedContexts;
import dev.nex.jakarta.testing.WebClient;

/**
 * SPEC 8, 10.1, 5.1, 11.4, 11.1: a configuration value Nex cannot use, a grid store the server cannot provide, a
 * {@code @PageScoped} bean the passivating scope cannot keep, an upload that would not read the same on every
 * server, or a constraint Nex cannot see fails the deployment with a message naming it.
 */
@ExtendWith(ArquillianExtension.class)
class InvalidConfigurationTest {

    private static final String BAD_TTL = "bad-ttl";
    private static final String NO_GRID = "no-grid";
    private static final String UNSERIALIZABLE_BEAN = "unserializable-bean";
    private static final String UPLOAD_IN_A_BEAN = "upload-in-a-bean";
    private static final String XML_CONSTRAINT = "xml-constraint";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BAD_TTL, managed = false, testable = false)
    static WebArchive badTtl() {
        return StateDeployment.create("bad-config", "nex.page.ttl=an hour\n");
    }

    @Deployment(name = NO_GRID, managed = false, testable = false)
    static WebArchive noGrid() {
        return StateDeployment.create("no-grid",
                "nex.store=infinispan\nnex.store.infinispan.cache=java:global/nex/no-such-cache\n");
    }

    @Deployment(name = UNSERIALIZABLE_BEAN, managed = false, testable = false)
    static WebArchive unserializableBean() {
        return StateDeployment.create("unserializable-bean", "").addClass(UnserializablePageBean.class);
    }

    @Deployment(name = UPLOAD_IN_A_BEAN, managed = false, testable = false)
    static WebArchive uploadInABean() {
        return StateDeployment.create("upload-in-a-bean", "")
                .addClasses(UploadInABeanResource.class, UploadInABeanResource.Files.class);
    }

    @Deployment(name = XML_CONSTRAINT, managed = false, testable = false)
    static WebArchive xmlConstraint() {
        return StateDeployment.create("xml-constraint", "").addClass(XmlConstrainedController.class)
                .addAsResource(new StringAsset(XmlConstrainedController.CONFIGURATION), "META-INF/validation.xml")
                .addAsResource(new StringAsset(XmlConstrainedController.MAPPING), "META-INF/xml-constrained.xml");
    }

    // SPEC 11.1: a controller constrained only by validation.xml, which Nex's look for constraints cannot see,
    // fails the deployment naming it, rather than being left unvalidated
    @Test
    void controllerConstrainedOnlyByValidationXmlFailsTheDeploymentNamingIt() {
        assertDeploymentFails(XML_CONSTRAINT, "xml-constraint", XmlConstrainedController.class.getName());
    }

    // SPEC 11.4: a file part in a @BeanParam would be null on WildFly and set elsewhere: a deployment error that
    // names the field, on every server
    @Test
    void fileInABeanParamFailsTheDeploymentNamingTheField() {
        assertDeploymentFails(UPLOAD_IN_A_BEAN, "upload-in-a-bean", "UploadInABeanResource$Files.file");
    }

    // SPEC 5.1: @PageScoped is a passivating scope: a bean that cannot be passivated is a deployment error
    @Test
    void pageScopedBeanThatIsNotSerializableFailsTheDeployment() {
        assertDeploymentFails(UNSERIALIZABLE_BEAN, "unserializable-bean", UnserializablePageBean.class.getSimpleName());
    }

    // SPEC 8
    @Test
    void invalidValueFailsTheDeploymentNamingTheKey() {
        assertDeploymentFails(BAD_TTL, "bad-config", "nex.page.ttl");
    }

    // SPEC 10.1: a grid store that is not there fails the deployment, not the first request
    @Test
    void unavailableGridStoreFailsTheDeploymentSayingWhatToConfigure() {
        assertDeploymentFails(NO_GRID, "no-grid", "nex.store.infinispan.cache");
    }

    private void assertDeploymentFails(String deployment, String context, String named) {
        try {
            deployer.deploy(deployment);
        } catch (Exception failure) { // adapters throw their checked DeploymentException undeclared
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains(named), messages::toString);
            return;
        }
        // The adapter reported no failure (Payara Micro's logs it and starts without the application):
        // then the application must not be running. The server log names the key.
        try {
            URI server = DeployedContexts.serverOf(deployment).orElseThrow(() -> new AssertionError(
                    "The deployment neither failed nor reported where it runs"));
            assertEquals(404, new WebClient(server).get(context + "/app/state/page").statusCode(),
                    "an application whose configuration names " + named + " must not be running");
        } finally {
            deployer.undeploy(deployment); // for Payara Micro this also stops the server it started for it
        }
    }
}
