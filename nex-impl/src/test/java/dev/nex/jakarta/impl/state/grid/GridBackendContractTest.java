package dev.nex.jakarta.impl.state.grid;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import dev.nex.jakarta.impl.state.PageCounters;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.PageStateBackendContract;

/**
 * The backend contract on the grid backend: two nodes sharing one in-process map, as {@link GridBackendTest}
 * has them; the pages' ends run on the node that finds them.
 */
class GridBackendContractTest extends PageStateBackendContract {

    private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();
    private final GridBackend nodeA = node();
    private final GridBackend nodeB = node();

    private GridBackend node() {
        GridBackend node = new GridBackend() { // just what it asks of CDI's bean manager
            @Override
            Contextual<?> bean(String beanId) {
                return GridBackendContractTest.this.bean(beanId);
            }

            @Override
            <T> CreationalContext<T> creationalContext(Contextual<T> bean) {
                return new NoCreationalContext<>();
            }
        };
        node.settings = settings("infinispan");
        node.lifecycle = lifecycle();
        node.connect(new MapGrid(shared), "v1");
        return node;
    }

    @Override
    protected PageStateBackend backend() {
        return nodeA;
    }

    @Override
    protected PageStateBackend otherNode() {
        return nodeB;
    }

    @Override
    protected PageCounters counters() {
        return nodeA.lifecycle.counters();
    }

    @Override
    protected boolean shutdownEndsPages() {
        return false;
    }
}
