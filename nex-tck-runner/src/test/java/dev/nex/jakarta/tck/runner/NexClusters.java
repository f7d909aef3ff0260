package dev.nex.jakarta.tck.runner;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.tck.cluster.PayaraCluster;
import dev.nex.jakarta.tck.cluster.WildFlyCluster;

/**
 * The TCK's two-node clusters with nex-impl added to the deployment, as {@link NexDeploymentProcessor} adds it to
 * every Arquillian deployment. Named by {@code nex.tck.cluster-launcher} in this module's pom.
 */
public final class NexClusters {

    private NexClusters() {
    }

    /** WildFly nodes, page state in Infinispan. */
    public static final class WildFly extends WildFlyCluster {
        @Override
        protected WebArchive prepare(WebArchive war) {
            new NexDeploymentProcessor().process(war, null);
            return war;
        }
    }

    /** Payara Micro nodes, page state in Hazelcast's JCache. */
    public static final class Payara extends PayaraCluster {
        @Override
        protected WebArchive prepare(WebArchive war) {
            new NexDeploymentProcessor().process(war, null);
            return war;
        }
    }
}
