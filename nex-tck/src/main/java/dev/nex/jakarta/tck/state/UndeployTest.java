package dev.nex.jakarta.tck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.net.httpserver.HttpServer;
import com.sun.tools.attach.VirtualMachine;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.PageStatisticsMXBean;
import dev.nex.jakarta.tck.arquillian.DeployedContexts;
import dev.nex.jakarta.testing.Poll;

/**
 * Undeploy (SPEC 6.7), observed from outside the application: the application's {@link UndeployWitness} posts
 * what it saw of its pages' ends to this test's own HTTP server, and afterwards the test looks into the server's
 * JVM through the Attach API and JMX (or, where the server ran for this application alone, sees its JVM gone).
 */
@ExtendWith(ArquillianExtension.class)
class UndeployTest {

    private static final String VICTIM = "undeploy-victim";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static HttpServer witness;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = VICTIM, managed = false, testable = false)
    static WebArchive victim() throws IOException {
        witness = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        witness.createContext("/", exchange -> {
            REPORTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        witness.start();
        return StateDeployment.create(VICTIM, "nex.tck.witness=http://127.0.0.1:"
                + witness.getAddress().getPort() + "/\n").addClass(UndeployWitness.class);
    }

    @AfterAll
    static void stopWitness() {
        if (witness != null) {
            witness.stop(0);
        }
    }

    // SPEC 6.7, 5.3, 5.4, 9: undeploy ends every live page once (SHUTDOWN, @PreDestroy, events) and unregisters
    // the statistics MBean
    @Test
    void undeployEndsEveryPageOnceAndLeavesNothingBehind() throws Exception {
        deployer.deploy(VICTIM);
        URI server = DeployedContexts.serverOf(VICTIM).orElseThrow();
        PageSession session = new PageSession(server.resolve("/" + VICTIM + "/"));
        List<String> pages = List.of(session.open("bean=true"), session.open("bean=true&put=k&value=1"),
                new PageSession(server.resolve("/" + VICTIM + "/")).open("bean=true"));
        long pid = Long.parseLong(session.ok(session.http.get("app/witness/pid")));
        ObjectName mbean = PageStatisticsMXBean.objectName("/" + VICTIM);
        boolean serverOfItsOwn = isPayaraMicro(pid);
        inspect(pid, jmx -> assertTrue(jmx.isRegistered(mbean), "registered while deployed"));

        deployer.undeploy(VICTIM);

        Poll.until("the application reports its pages' ends", PATIENCE, () -> !REPORTS.isEmpty());
        Map<String, String> ended = new java.util.HashMap<>();
        for (String line : REPORTS.get(0).split("\n")) {
            ended.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
        }
        for (String page : pages) {
            assertEquals(PageSession.endedOnce("SHUTDOWN"), PageSession.parse(ended.get(page)),
                    "page " + page.substring(0, 8));
        }
        assertEquals(1, REPORTS.size(), "one undeploy, one report");

        if (!serverOfItsOwn) {
            inspect(pid, jmx -> assertFalse(jmx.isRegistered(mbean), "the statistics MBean is unregistered"));
        } else {
            Poll.until("the server that ran only this application is gone", PATIENCE,
                    () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        }
    }

    /** Payara Micro runs a JVM for each deployment (its adapter starts one per archive) and ends it at undeploy. */
    private static boolean isPayaraMicro(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).map(line -> line.contains("payara-micro"))
                .orElse(false);
    }

    private interface Inspection {
        void on(MBeanServerConnection jmx) throws Exception;
    }

    /** Attaches to the server's JVM, starts its local JMX agent and runs {@code inspection} against it. */
    private static void inspect(long pid, Inspection inspection) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            inspection.on(connector.getMBeanServerConnection());
        } finally {
            vm.detach();
        }
    }
}
