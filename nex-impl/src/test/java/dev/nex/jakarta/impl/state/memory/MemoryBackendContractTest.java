package dev.nex.jakarta.impl.state.memory;

import dev.nex.jakarta.impl.state.PageCounters;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.PageStateBackendContract;

/** The backend contract on the in-memory backend: one node. */
class MemoryBackendContractTest extends PageStateBackendContract {

    private final MemoryBackend backend = new MemoryBackend();

    MemoryBackendContractTest() {
        backend.settings = settings("memory");
        backend.lifecycle = lifecycle();
        backend.init();
    }

    @Override
    protected PageStateBackend backend() {
        return backend;
    }

    @Override
    protected PageStateBackend otherNode() {
        return backend;
    }

    @Override
    protected PageCounters counters() {
        return backend.lifecycle.counters();
    }

    @Override
    protected boolean shutdownEndsPages() {
        return true;
    }
}
