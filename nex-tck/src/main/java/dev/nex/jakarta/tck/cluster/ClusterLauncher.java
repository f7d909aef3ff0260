package dev.nex.jakarta.tck.cluster;

import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What an implementation provides to run the cluster tests (SPEC 10): starts two nodes of a real cluster of its
 * server on loopback, with the implementation under test added to {@code war} and page state on the server's
 * data grid. Named by the system property {@value #PROPERTY}; see docs/tck.md.
 * <pre>{@code
 * // failsafe systemPropertyVariables
 * <nex.tck.cluster-launcher>com.example.MyServerCluster</nex.tck.cluster-launcher>
 * }</pre>
 */
public interface ClusterLauncher {

    String PROPERTY = "nex.tck.cluster-launcher";

    /**
     * Starts two nodes that serve {@code war} and form one cluster; returns once both answer {@code readyPath}
     * (relative to the deployment) with 200.
     */
    List<ClusterNode> start(WebArchive war, String readyPath) throws Exception;

    /** The launcher the system property names. */
    static ClusterLauncher configured() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " must name the ClusterLauncher "
                    + "of the implementation and server under test");
        }
        try {
            return (ClusterLauncher) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the ClusterLauncher " + name, e);
        }
    }
}
