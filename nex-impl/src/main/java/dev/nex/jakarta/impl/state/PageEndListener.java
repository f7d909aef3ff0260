package dev.nex.jakarta.impl.state;

import dev.nex.jakarta.PageEndReason;

/**
 * A mechanism that holds something of a page beyond its state (an event stream, SPEC 12.1) and lets go of it
 * when the page ends, on any path of SPEC 6. {@link PageLifecycle} tells every such bean, after the page's
 * beans are destroyed.
 */
public interface PageEndListener {

    /** Page {@code pageId} ended on this node, for {@code reason}; called exactly once per page. */
    void pageEnded(String pageId, PageEndReason reason);

    /**
     * This node is going away (undeploy, shutdown), before any page ends for it: on a grid the pages live on, and
     * what a node holds of them must go while the container still serves the requests that hold it.
     */
    default void nodeStopping() {
    }
}
