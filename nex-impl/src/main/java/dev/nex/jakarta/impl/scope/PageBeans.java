package dev.nex.jakarta.impl.scope;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/** The {@code @PageScoped} instances of one page (SPEC 5.2): one per bean, created lazily, shared by its requests. */
public final class PageBeans {

    private static final Logger LOG = Logger.getLogger(PageBeans.class.getName());

    private final Map<Contextual<?>, ContextualInstance<?>> instances = new ConcurrentHashMap<>(4);

    public <T> T get(Contextual<T> bean) {
        @SuppressWarnings("unchecked")
        ContextualInstance<T> existing = (ContextualInstance<T>) instances.get(bean);
        return existing == null ? null : existing.instance();
    }

    /**
     * The page's instance of {@code bean}, created on first use. Creation holds the page's lock, not the map's:
     * a bean's constructor may itself need another {@code @PageScoped} bean of the same page.
     */
    public <T> T getOrCreate(Contextual<T> bean, CreationalContext<T> creationalContext) {
        T existing = get(bean);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = get(bean);
            if (existing != null) {
                return existing;
            }
            T created = bean.create(creationalContext);
            instances.put(bean, new ContextualInstance<>(bean, creationalContext, created));
            return created;
        }
    }

    public void destroy(Contextual<?> bean) {
        ContextualInstance<?> instance = instances.remove(bean);
        if (instance != null) {
            instance.destroy();
        }
    }

    /** Destroys every instance once; a failing {@code @PreDestroy} is logged and does not spare the others. */
    public void destroyAll() {
        for (Contextual<?> bean : instances.keySet()) {
            ContextualInstance<?> instance = instances.remove(bean);
            if (instance != null) {
                try {
                    instance.destroy();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Destroying a @PageScoped bean failed", e);
                }
            }
        }
    }
}
