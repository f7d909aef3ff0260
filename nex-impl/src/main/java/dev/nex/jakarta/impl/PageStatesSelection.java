package dev.nex.jakarta.impl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageStates;
import dev.nex.jakarta.impl.state.grid.GridPageStates;
import dev.nex.jakarta.impl.state.memory.MemoryPageStates;

/**
 * Picks the page-state backend named by {@code nex.store} (SPEC 10.1) and makes it the application's
 * {@link PageStates}. The backend connects when the application starts, so a grid the server cannot provide
 * fails the deployment rather than the first request.
 */
@ApplicationScoped
public class PageStatesSelection {

    @Inject
    NexSettings settings;

    @Inject
    Instance<MemoryPageStates> memory;

    @Inject
    Instance<GridPageStates> grid;

    private volatile PageStates selected;

    @Produces
    PageStates selected() {
        PageStates current = selected;
        if (current == null) {
            synchronized (this) {
                if (selected == null) {
                    selected = switch (settings.store()) {
                        case MEMORY -> memory.get();
                        case JCACHE, INFINISPAN -> grid.get().connect();
                    };
                }
                current = selected;
            }
        }
        return current;
    }

    void connectAtStartup(@Observes @Initialized(ApplicationScoped.class) Object application) {
        selected();
    }

    /** SPEC 6.7: while application-scoped beans still work, so end observers can run. */
    void shutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        PageStates current = selected;
        if (current != null) {
            current.shutdown();
        }
    }
}
