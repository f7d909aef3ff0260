package dev.nex.jakarta.tck.cluster;

import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Two nodes of one server on loopback, serving one or more WARs. The WARs must already hold the implementation
 * under test; a TCK runner adds it in {@link #prepare}.
 */
public abstract class LoopbackCluster implements ClusterLauncher {

    private boolean replicatedSessions = true;

    /**
     * Leaves HTTP sessions local to their node (no {@code <distributable/>}): for a load that stays on one node,
     * to measure page state on the grid without the session replication beside it.
     */
    public LoopbackCluster withLocalSessions() {
        replicatedSessions = false;
        return this;
    }

    /** What the WARs' web.xml must hold on this server, {@code <distributable/>} unless sessions stay local. */
    protected String[] webXmlElements(String... serverElements) {
        List<String> elements = new java.util.ArrayList<>(List.of(serverElements));
        if (replicatedSessions) {
            elements.add(0, "<distributable/>");
        }
        return elements.toArray(String[]::new);
    }

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
