package dev.nex.jakarta.tck.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;


/**
 * Two Payara Micro instances on loopback forming one Hazelcast cluster (TCP/IP discovery), page state in
 * Payara's JCache ({@code nex.store=jcache}). Hazelcast's heartbeat limit is shortened so that a killed node is
 * dropped within seconds.
 */
public class PayaraCluster extends LoopbackCluster {

    private static final int[] HTTP_PORTS = {31080, 31180};
    private static final int HAZELCAST_PORT = 33900;
    /**
     * Every member, so that a restarted node finds the one that stayed up (listing only the first node's port,
     * a restarted first node formed a cluster of its own and served every page as new).
     */
    private static final String MEMBERS = "tcpip:127.0.0.1:" + HAZELCAST_PORT + ",127.0.0.1:" + (HAZELCAST_PORT + 1);


    @Override
    public List<ClusterNode> start(List<WebArchive> wars, String readyPath) throws Exception {
        String micro = System.getProperty("payara.micro.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        ClusterWorkspace workspace = new ClusterWorkspace("payara");
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 0; i < HTTP_PORTS.length; i++) {
            String name = "node-" + (char) ('a' + i);
            Path base = workspace.node(name);
            ServerNode.Deployments deployments = new ServerNode.Deployments(base.resolve("deployments"),
                    war -> ClusterWorkspace.withWebXml(prepare(war), webXmlElements()));
            URI url = URI.create("http://127.0.0.1:" + HTTP_PORTS[i] + "/" + ClusterWorkspace.contextOf(wars.get(0))
                    + "/");
            List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m", "-Dnex.store=jcache",
                    "-Dhazelcast.max.no.heartbeat.seconds=5", "-Dhazelcast.heartbeat.interval.seconds=1",
                    "-Dhazelcast.shutdownhook.enabled=true", "-Dhazelcast.shutdownhook.policy=GRACEFUL", "-jar",
                    micro, "--port", String.valueOf(HTTP_PORTS[i]), "--name", name, "--clustername", "nex-tck",
                    "--clustermode", MEMBERS, "--startport",
                    String.valueOf(HAZELCAST_PORT), "--interfaces", "127.0.0.1", "--disablephonehome", "--rootdir",
                    base.resolve("root").toString()));
            for (WebArchive war : wars) {
                command.add("--deploy");
                command.add(deployments.write(war).toString());
            }
            // a kept root would serve the WARs it holds, then redeploy them for --deploy: 404s after "ready"
            nodes.add(ServerNode.start(name, command, base.resolve("console.log"), url, readyPath,
                    base.resolve("root"), deployments));
        }
        return nodes;
    }
}
