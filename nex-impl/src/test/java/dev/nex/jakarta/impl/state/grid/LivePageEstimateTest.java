package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/** The estimate behind the global cap at creation (SPEC 10.9), two "nodes" sharing one map. */
class LivePageEstimateTest {

    private final Grid grid = new MapGrid(new ConcurrentHashMap<>());
    private final LivePageEstimate nodeA = new LivePageEstimate(grid, "estimate", 40); // batches of 1
    private final LivePageEstimate nodeB = new LivePageEstimate(grid, "estimate", 40);

    @Test
    void pagesCreatedWhileAWalkCountsAreNotLostByIt() {
        for (int i = 0; i < 38; i++) {
            assertFalse(nodeA.created());
        }
        long beforeWalk = nodeA.beforeWalk(); // the sweep on node A begins to count: 38
        assertFalse(nodeB.created()); // 39 and 40 live, created on node B after the walk went past them
        assertFalse(nodeB.created());
        nodeA.walked(38, beforeWalk);
        assertTrue(nodeB.created(), "page 41 is over the cap of 40");
    }

    @Test
    void endedPagesLowerTheEstimate() {
        for (int i = 0; i < 40; i++) {
            nodeA.created();
        }
        nodeB.ended();
        assertFalse(nodeA.created(), "40 live again");
        assertTrue(nodeB.created());
    }
}
