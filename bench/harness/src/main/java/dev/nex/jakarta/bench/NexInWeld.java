package dev.nex.jakarta.bench;

import java.util.Map;

import jakarta.enterprise.context.control.RequestContextController;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.NexExtension;
import dev.nex.jakarta.impl.BackendProducer;
import dev.nex.jakarta.impl.config.SettingsProducer;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.page.PageIdCodec;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.memory.MemoryBackend;
import dev.nex.jakarta.impl.store.PageStoreBean;

/**
 * nex-impl's page state (extension, context, registry, store, ids, events) in Weld SE, with the same beans a
 * server deploys minus the servlet and JAX-RS parts. Configuration comes through MicroProfile Config (SmallRye):
 * {@code settings} are set as system properties before the container starts.
 */
public final class NexInWeld implements AutoCloseable {

    private final WeldContainer container;

    public NexInWeld(Map<String, String> settings, Class<?>... applicationBeans) {
        settings.forEach(System::setProperty);
        container = new Weld("nex-bench")
                .disableDiscovery()
                .addExtension(new NexExtension())
                .addBeanClasses(BackendProducer.class, MemoryBackend.class, PageLifecycle.class,
                        PageStoreBean.class, PageIdCodec.class,
                        SettingsProducer.class)
                .addBeanClasses(applicationBeans)
                .initialize();
    }

    public <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    /** The store as applications get it: through its client proxy. */
    public PageStore store() {
        return bean(PageStore.class);
    }

    public PageStateBackend registry() {
        return bean(PageStateBackend.class);
    }

    public PageIdCodec ids() {
        return bean(PageIdCodec.class);
    }

    /** Activates the request context on the calling thread (for the {@code @RequestScoped} reference). */
    public void activateRequestContext() {
        bean(RequestContextController.class).activate();
    }

    @Override
    public void close() {
        container.shutdown();
    }
}
