package dev.nex.jakarta.tck.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.spec.WebArchive;


/**
 * Two WildFly nodes on loopback forming one cluster, page state in a distributed Infinispan cache with two owners
 * ({@code nex.store=infinispan}). Loopback has no multicast, so the {@code ee} channel runs on the TCP stack
 * with TCPPING; failure detection is shortened so that a killed node leaves the view within seconds. The
 * configuration is what docs/deployment.md ("Clusters") tells an operator to add to {@code standalone-ha.xml},
 * and the WAR gets what it tells a developer to add to {@code web.xml}.
 */
public class WildFlyCluster extends LoopbackCluster {

    private static final int[] OFFSETS = {21000, 22000};
    private static final String CONFIG = "standalone-nex-ha.xml";
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
        List<Path> deployments = new ArrayList<>();
        for (WebArchive war : wars) {
            deployments.add(workspace.export(ClusterWorkspace.withWebXml(prepare(war), webXmlElements(PAGE_CACHE_REF))));
        }
        String config = clusterConfig(Files.readString(home.resolve("standalone/configuration/standalone-ha.xml")));
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 0; i < OFFSETS.length; i++) {
            String name = "node-" + (char) ('a' + i);
            Path base = workspace.node(name);
            copyDirectory(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.writeString(base.resolve("configuration").resolve(CONFIG), config);
            Files.createDirectories(base.resolve("deployments"));
            for (Path deployment : deployments) {
                Files.copy(deployment, base.resolve("deployments").resolve(deployment.getFileName()));
            }
            URI url = URI.create("http://127.0.0.1:" + (8080 + OFFSETS[i]) + "/"
                    + ClusterWorkspace.contextOf(wars.get(0)) + "/");
            nodes.add(ServerNode.start(name, List.of(home.resolve("bin/standalone.sh").toString(), "-c", CONFIG,
                    "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name,
                    "-Djboss.socket.binding.port-offset=" + OFFSETS[i], "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.private=127.0.0.1", "-Dnex.store=infinispan"),
                    base.resolve("console.log"), url, readyPath));
        }
        return nodes;
    }

    /** standalone-ha.xml with TCPPING on loopback, fast failure detection, and the page cache. */
    static String clusterConfig(String standaloneHa) {
        String hosts = "127.0.0.1[" + (7600 + OFFSETS[0]) + "],127.0.0.1[" + (7600 + OFFSETS[1]) + "]";
        return replace(replace(replace(replace(standaloneHa,
                "<channel name=\"ee\" stack=\"udp\" cluster=\"ejb\"/>",
                "<channel name=\"ee\" stack=\"tcp\" cluster=\"ejb\"/>"),
                "<socket-protocol type=\"MPING\" socket-binding=\"jgroups-mping\"/>",
                "<protocol type=\"TCPPING\"><property name=\"initial_hosts\">" + hosts + "</property>"
                        + "<property name=\"port_range\">0</property></protocol>"),
                "<protocol type=\"FD_ALL3\"/>\n                    <protocol type=\"VERIFY_SUSPECT2\"/>\n"
                        + "                    <protocol type=\"NAKACK4\"/>\n                    <protocol type=\"UNICAST4\"/>\n"
                        + "                    <protocol type=\"pbcast.GMS\"/>\n                    <protocol type=\"FRAG4\"/>\n"
                        + "                </stack>\n            </stacks>",
                "<protocol type=\"FD_ALL3\"><property name=\"interval\">1000</property>"
                        + "<property name=\"timeout\">3000</property></protocol>\n"
                        + "                    <protocol type=\"VERIFY_SUSPECT2\"/>\n"
                        + "                    <protocol type=\"NAKACK4\"/>\n                    <protocol type=\"UNICAST4\"/>\n"
                        + "                    <protocol type=\"pbcast.GMS\"/>\n                    <protocol type=\"FRAG4\"/>\n"
                        + "                </stack>\n            </stacks>"),
                "            <cache-container name=\"server\"",
                "            <cache-container name=\"nex\" marshaller=\"PROTOSTREAM\">\n"
                        + "                <transport lock-timeout=\"60000\"/>\n"
                        + "                <distributed-cache name=\"pages\" owners=\"2\"/>\n"
                        + "            </cache-container>\n"
                        + "            <cache-container name=\"server\"");
    }

    private static String replace(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("standalone-ha.xml of this WildFly has no " + target);
        }
        return text.replace(target, replacement);
    }

    private static void copyDirectory(Path from, Path to) throws java.io.IOException {
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
