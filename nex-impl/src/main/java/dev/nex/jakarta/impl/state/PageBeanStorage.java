package dev.nex.jakarta.impl.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/**
 * The {@code @PageScoped} instances of one page as one place that creates, keeps and destroys them, each with the
 * {@link CreationalContext} it was created with (SPEC 5.2, 5.3), for every backend. A backend that keeps
 * instances elsewhere between requests (a grid) supplies them through its {@link Source}.
 * <p>
 * Destroying all instances (a page's end) keeps every instance resolvable until the last {@code @PreDestroy} has
 * run, so one bean's {@code @PreDestroy} sees the page's other beans (SPEC 5.5); an instance first created
 * during that is destroyed too. After it, the storage refuses new instances with a
 * {@link ContextNotActiveException}: an instance created then would never be destroyed.
 */
public final class PageBeanStorage {

    private static final Logger LOG = Logger.getLogger(PageBeanStorage.class.getName());

    /** Where instances come from besides {@link Contextual#create}: the page's instances kept between requests. */
    public interface Source {

        /** No instances kept elsewhere: the page's instances live in this storage only (the memory backend). */
        Source NONE = new Source() {
        };

        /** The page's kept instance of {@code bean}, or {@code null}: then it is created. */
        default <T> T kept(Contextual<T> bean) {
            return null;
        }

        /** A context for a kept instance, to destroy it with. */
        default <T> CreationalContext<T> creationalContext(Contextual<T> bean) {
            throw new IllegalStateException("no kept instances");
        }

        /** Every bean the page keeps an instance of, to destroy at its end. */
        default Iterable<Contextual<?>> keptBeans() {
            return List.of();
        }

        /** The instance of {@code bean} was destroyed on its own ({@code AlterableContext.destroy}). */
        default void forget(Contextual<?> bean) {
        }
    }

    private record Instance<T>(Contextual<T> bean, CreationalContext<T> creationalContext, T instance) {

        void destroy() {
            bean.destroy(instance, creationalContext);
        }
    }

    /** The storage of every page that ends without ever having had an instance: holds none, refuses new ones. */
    public static final PageBeanStorage ENDED = new PageBeanStorage(Source.NONE, true);

    private final Source source;
    private final Map<Contextual<?>, Instance<?>> instances = new ConcurrentHashMap<>(4);
    private volatile boolean destroyed;

    public PageBeanStorage(Source source) {
        this(source, false);
    }

    private PageBeanStorage(Source source, boolean destroyed) {
        this.source = source;
        this.destroyed = destroyed;
    }

    /** The page's instance of {@code bean}, or {@code null} if it has none (kept ones are resumed). */
    public <T> T get(Contextual<T> bean) {
        T local = local(bean);
        if (local != null || destroyed) {
            return local;
        }
        T kept = source.kept(bean);
        return kept == null ? null : add(bean, null, kept);
    }

    /**
     * The page's instance of {@code bean}, created on first use. Creation holds the page's lock, not the map's:
     * a bean's constructor may itself need another {@code @PageScoped} bean of the same page.
     */
    public <T> T getOrCreate(Contextual<T> bean, CreationalContext<T> creationalContext) {
        T local = local(bean);
        if (local != null) {
            return local;
        }
        synchronized (this) {
            local = local(bean);
            if (local != null) {
                return local;
            }
            if (destroyed) {
                throw new ContextNotActiveException("This page has ended and its @PageScoped beans are destroyed: "
                        + "no new instance of " + bean + " (use the PageStore in @Destroyed observers)");
            }
            T kept = source.kept(bean);
            return kept != null ? add(bean, null, kept) : add(bean, creationalContext, bean.create(creationalContext));
        }
    }

    /** Destroys the instance of {@code bean}, if any, and forgets it. */
    public void destroy(Contextual<?> bean) {
        get(bean); // a kept instance is destroyed too
        Instance<?> instance = instances.remove(bean);
        if (instance != null) {
            instance.destroy();
        }
        source.forget(bean);
    }

    /** The instances, each with its bean. */
    public Map<Contextual<?>, Object> byBean() {
        if (instances.isEmpty()) {
            return Map.of(); // the grid asks at the end of every request; most use no bean
        }
        Map<Contextual<?>, Object> all = new LinkedHashMap<>();
        instances.forEach((bean, instance) -> all.put(bean, instance.instance()));
        return all;
    }

    /**
     * Destroys every instance exactly once (SPEC 5.3), kept ones included, and refuses new ones afterwards. A
     * failing {@code @PreDestroy} is logged and does not spare the others.
     */
    public void destroyAll() {
        for (Contextual<?> bean : source.keptBeans()) {
            get(bean);
        }
        Set<Instance<?>> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (;;) {
            List<Instance<?>> pending = new ArrayList<>();
            synchronized (this) {
                for (Instance<?> instance : instances.values()) {
                    if (!done.contains(instance)) {
                        pending.add(instance);
                    }
                }
                if (pending.isEmpty()) {
                    destroyed = true;
                    instances.clear();
                    return;
                }
            }
            for (Instance<?> instance : pending) {
                done.add(instance);
                try {
                    instance.destroy();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Destroying a @PageScoped bean failed", e);
                }
            }
        }
    }

    private <T> T add(Contextual<T> bean, CreationalContext<T> creationalContext, T instance) {
        CreationalContext<T> context = creationalContext != null ? creationalContext
                : source.creationalContext(bean);
        @SuppressWarnings("unchecked")
        Instance<T> raced = (Instance<T>) instances.putIfAbsent(bean, new Instance<>(bean, context, instance));
        return raced == null ? instance : raced.instance();
    }

    private <T> T local(Contextual<T> bean) {
        @SuppressWarnings("unchecked")
        Instance<T> instance = (Instance<T>) instances.get(bean);
        return instance == null ? null : instance.instance();
    }
}
