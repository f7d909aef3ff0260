package dev.nex.jakarta.tck.cluster;

import java.net.URI;

/** One running node of a test cluster. */
public interface ClusterNode extends AutoCloseable {

    /** The deployment's base URL on this node, ending in {@code /}. */
    URI base();

    /** Kills the node's processes at once ({@code kill -9}): no shutdown hook, no goodbye to the cluster. */
    void kill();

    /** Stops the node if it still runs. */
    @Override
    void close();
}
