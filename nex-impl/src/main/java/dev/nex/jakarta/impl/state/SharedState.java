package dev.nex.jakarta.impl.state;

import java.util.function.UnaryOperator;

/**
 * What a data grid backend shares with the other mechanisms of a node that must reach every node (push, SPEC
 * 12.4): String values under keys of their own, apart from pages, changed by compare-and-set, and this node's id.
 * Nothing but JDK strings crosses the grid.
 */
public interface SharedState {

    /** This node's id in the cluster. */
    String node();

    /** The value under {@code key}, or {@code null}. */
    String get(String key);

    /**
     * Sets {@code key} to what {@code change} makes of its value ({@code null} for absent; a {@code null} result
     * removes it), again on the newer value until a compare-and-set wins; returns the value set. {@code change}
     * may run more than once.
     */
    String update(String key, UnaryOperator<String> change);

    /** Whether page {@code pageId} holds state in the grid now. */
    boolean pageExists(String pageId);
}
