package dev.nex.jakarta.impl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.grid.GridBackend;
import dev.nex.jakarta.impl.state.memory.MemoryBackend;

/**
 * Picks the page-state backend named by {@code nex.store} (SPEC 10.1) and makes it the application's
 * {@link PageStateBackend}. The backend connects when the application starts, so a grid the server cannot provide
 * fails the deployment rather than the first request.
 */
@ApplicationScoped
public class BackendProducer {

    @Inject
    NexSettings settings;

    @Inject
    NexExtension extension;

    @Inject
    Instance<MemoryBackend> memory;

    @Inject
    Instance<GridBackend> grid;

    private volatile PageStateBackend selected;

    @Produces
    PageStateBackend selected() {
        PageStateBackend current = selected;
        if (current == null) {
            synchronized (this) {
                if (selected == null) {
                    selected = switch (settings.store()) {
                        case MEMORY -> memory.get();
                        case JCACHE, INFINISPAN -> grid.get().connect();
                    };
                    extension.pageStoreSelected(selected);
                }
                current = selected;
            }
        }
        return current;
    }

    void connectAtStartup(@Observes @Initialized(ApplicationScoped.class) Object application) {
        selected();
    }

    /**
     * Tells a grid backend which application it serves, once the web application starts (from a servlet
     * listener: the CDI event does not carry the {@code ServletContext} on every server).
     */
    void started(ServletContext application) {
        if (selected() instanceof GridBackend onGrid) {
            onGrid.started(application);
        }
    }

    /** Registered by {@link NexServletInitializer}. */
    public static class StartListener implements ServletContextListener {

        @Inject
        BackendProducer backends;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            backends.started(event.getServletContext());
        }
    }
}
