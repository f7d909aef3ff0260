package dev.nex.jakarta.tck.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.spec.WebArchive;


/**
 * Two WildFly nodes on loopback forming one cluster, page state in a distributed Infinispan cache with two owners
 * ({@code nex.store=infinispan}). The nodes' {@code standalone-ha.xml} is configured by running, as written,
 * the CLI script docs/deployment.md ("Clusters") gives operators ({@code docs/wildfly-cluster.cli}, packaged
 * beside this class), then the one that adds MicroProfile Telemetry and Health ({@code docs/wildfly-monitoring.cli}),
 * and each node starts with the system properties it names; the WAR gets what the docs tell a developer to add to
 * {@code web.xml}.
 */
public class WildFlyCluster extends LoopbackCluster {

    private static final int[] OFFSETS = {21000, 22000};
    private static final String SCRIPT = "wildfly-cluster.cli";
    private static final String MONITORING_SCRIPT = "wildfly-monitoring.cli";
    /** System property naming docs/deployment.md, which must show the script verbatim (if set). */
    private static final String DOCS = "nex.tck.deployment-docs";
    /** WildFly starts a cache only for a deployment that declares it needs it. */
    private static final String PAGE_CACHE_REF = """
            <resource-env-ref>
                    <resource-env-ref-name>nex/pages</resource-env-ref-name>
                    <lookup-name>java:jboss/infinispan/cache/nex/pages</lookup-name>
                </resource-env-ref>""";


    @Override
    public List<ClusterNode> start(List<WebArchive> wars, String readyPath) throws Exception {
        Path home = Path.of(System.getProperty("wildfly.home"));
        ClusterWorkspace workspace = new ClusterWorkspace("wildfly");
        Path configured = configure(home, workspace.node("configured"));
        String hosts = "127.0.0.1[" + (7600 + OFFSETS[0]) + "],127.0.0.1[" + (7600 + OFFSETS[1]) + "]";
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 0; i < OFFSETS.length; i++) {
            String name = "node-" + (char) ('a' + i);
            Path base = workspace.node(name);
            copyDirectory(configured, base.resolve("configuration"));
            // the deployment scanner's folder: a WAR written there while the node is down is deployed at its start
            ServerNode.Deployments deployments = new ServerNode.Deployments(base.resolve("deployments"),
                    war -> ClusterWorkspace.withWebXml(prepare(war), webXmlElements(PAGE_CACHE_REF)));
            for (WebArchive war : wars) {
                deployments.write(war);
            }
            URI url = URI.create("http://127.0.0.1:" + (8080 + OFFSETS[i]) + "/"
                    + ClusterWorkspace.contextOf(wars.get(0)) + "/");
            nodes.add(ServerNode.start(name, List.of(home.resolve("bin/standalone.sh").toString(),
                    "-c", "standalone-ha.xml", "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name,
                    "-Djboss.socket.binding.port-offset=" + OFFSETS[i], "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.private=127.0.0.1", "-Dnex.cluster.hosts=" + hosts,
                    "-Dnex.store=infinispan", "-Dorg.wildfly.sigterm.suspend.timeout=30"),
                    base.resolve("console.log"), url, readyPath, null, deployments));
        }
        return nodes;
    }

    /**
     * The server's configuration directory, with the documented CLI scripts run on it by {@code jboss-cli.sh} (an
     * embedded server, as an operator runs the cluster script): the cluster's, then the one that adds MicroProfile
     * Telemetry and Health (docs/state.md, "Monitoring"), which is written for a running server; returns the
     * configured directory.
     */
    private static Path configure(Path home, Path base) throws Exception {
        copyDirectory(home.resolve("standalone/configuration"), base.resolve("configuration"));
        String cluster = packaged(SCRIPT);
        String docs = System.getProperty(DOCS);
        if (docs != null && !Files.readString(Path.of(docs)).contains(cluster)) {
            throw new IllegalStateException(docs + " no longer shows " + SCRIPT + " as it is run here");
        }
        runCli(home, base, SCRIPT, cluster);
        runCli(home, base, MONITORING_SCRIPT, "embed-server --server-config=standalone-ha.xml --std-out=discard\n"
                + packaged(MONITORING_SCRIPT) + "stop-embedded-server\n");
        return base.resolve("configuration");
    }

    private static String packaged(String script) throws IOException {
        try (InputStream documented = WildFlyCluster.class.getResourceAsStream(script)) {
            if (documented == null) {
                throw new IllegalStateException(script + " is not packaged beside " + WildFlyCluster.class);
            }
            return new String(documented.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void runCli(Path home, Path base, String name, String commands) throws Exception {
        Path script = base.resolve(name);
        Files.writeString(script, commands);
        Path log = base.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(),
                "-Djboss.server.base.dir=" + base, "--file=" + script)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK the nodes run on
        Process cli = builder.start();
        if (!cli.waitFor(3, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            cli.destroyForcibly();
            throw new IllegalStateException("The documented " + name + " failed on WildFly: "
                    + Files.readString(log));
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
