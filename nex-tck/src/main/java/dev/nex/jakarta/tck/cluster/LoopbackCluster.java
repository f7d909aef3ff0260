package dev.nex.jakarta.tck.cluster;

import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two nodes of one server on loopback, serving one or more WARs. The WARs must already hold the implementation
 * under test; a TCK runner adds it in {@link #prepare}.
 */
public abstract class LoopbackCluster implements ClusterLauncher {

    @Override
    public List<ClusterNode> start(WebArchive war, String readyPath) throws Exception {
        return start(List.of(war), readyPath);
    }

    /** Two nodes serving all of {@code wars}; their {@link ClusterNode#base()} is the first one's. */
    public abstract List<ClusterNode> start(List<WebArchive> wars, String readyPath) throws Exception;

    /** A deployment as the nodes get it: a runner adds the implementation under test here. */
    protected WebArchive prepare(WebArchive war) {
        return war;
    }
}
