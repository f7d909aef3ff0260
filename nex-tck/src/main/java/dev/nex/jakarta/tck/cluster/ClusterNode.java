package dev.nex.jakarta.tck.cluster;

import java.net.URI;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/** One running node of a test cluster. */
public interface ClusterNode extends AutoCloseable {

    /** The deployment's base URL on this node, ending in {@code /}. */
    URI base();

    /** Kills the node's processes at once ({@code kill -9}): no shutdown hook, no goodbye to the cluster. */
    void kill();

    /**
     * Stops the node as an operator does (a graceful shutdown), starts it again with the same configuration and
     * deployments, and returns once it is ready: one step of a rolling restart (SPEC 10.7).
     */
    void restart() throws Exception;

    /**
     * Like {@link #restart()}, with {@code next} deployed in place of the deployment of the same name, prepared as
     * the launcher prepared the first (the implementation under test added): one step of a rolling upgrade
     * (SPEC 10.8).
     */
    void upgrade(WebArchive next) throws Exception;

    /** Stops the node if it still runs. */
    @Override
    void close();
}
