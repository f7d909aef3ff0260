package dev.nex.jakarta.impl.state.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.PassivationCapable;

import dev.nex.jakarta.impl.scope.ContextualInstance;
import dev.nex.jakarta.impl.state.Page;

/**
 * A page on the grid as one request sees it. Entries are read from the grid on every call and written with a
 * compare-and-set of the page's record, so parallel requests on any nodes never lose a write (SPEC 10.3).
 * <p>
 * {@code @PageScoped} instances are the request's own copies: read from the grid at first use and written back
 * when the request ends. Requests of one page that run in parallel each work on their own copy, and the last one
 * to end wins (docs/state.md, "Cluster mode"): state that parallel requests share belongs in the store.
 */
final class GridPage implements Page {

    private static final Logger LOG = Logger.getLogger(GridPage.class.getName());

    private final GridPageStates states;
    private final String id;
    private final String owner;
    /** This request's bean instances. */
    private final Map<Contextual<?>, ContextualInstance<?>> beans = new ConcurrentHashMap<>(4);
    /** The record of a page being ended: no longer on the grid, read (and written) here only. */
    private volatile PageRecord ending;

    private GridPage(GridPageStates states, String id, String owner, PageRecord ending) {
        this.states = states;
        this.id = id;
        this.owner = owner;
        this.ending = ending;
    }

    /** A live page entered by a request. */
    static GridPage live(GridPageStates states, String id, String owner) {
        return new GridPage(states, id, owner, null);
    }

    /** A page removed from the grid, while its end observers and {@code @PreDestroy} methods run. */
    static GridPage ending(GridPageStates states, String id, PageRecord removed) {
        return new GridPage(states, id, removed.owner(), removed);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public Object get(String key) {
        byte[] value = record().entries().get(key);
        return value == null ? null : states.read(value);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(record().entries().keySet());
    }

    @Override
    public void put(String key, Object value) {
        byte[] serialized = Values.write(value, "The value stored under '" + key + "'");
        modify(record -> record.withEntry(key, serialized));
    }

    @Override
    public <T> Object update(String key, T defaultValue, UnaryOperator<T> fn) {
        Object[] result = new Object[1];
        modify(record -> { // may run again if another write won the race: fn then sees the newer value
            byte[] current = record.entries().get(key);
            @SuppressWarnings("unchecked")
            T value = current == null ? defaultValue : (T) states.read(current);
            Object next = fn.apply(value);
            result[0] = next;
            return next == null ? record.withoutEntry(key)
                    : record.withEntry(key, Values.write(next, "The value stored under '" + key + "'"));
        });
        return result[0];
    }

    @Override
    public void remove(String key) {
        modify(record -> record.withoutEntry(key));
    }

    @Override
    public void clear() {
        modify(PageRecord::withoutEntries);
    }

    @Override
    public <T> T bean(Contextual<T> bean, CreationalContext<T> creationalContext) {
        T existing = local(bean);
        if (existing != null) {
            return existing;
        }
        synchronized (this) { // a bean's constructor may itself need another @PageScoped bean of this page
            existing = local(bean);
            if (existing != null) {
                return existing;
            }
            byte[] stored = record().beans().get(beanId(bean));
            @SuppressWarnings("unchecked")
            T instance = stored != null ? (T) states.read(stored) : bean.create(creationalContext);
            beans.put(bean, new ContextualInstance<>(bean, creationalContext, instance));
            return instance;
        }
    }

    @Override
    public <T> T existingBean(Contextual<T> bean) {
        T existing = local(bean);
        if (existing != null || !record().beans().containsKey(beanId(bean))) {
            return existing;
        }
        return bean(bean, states.creationalContext(bean));
    }

    @Override
    public void destroyBean(Contextual<?> bean) {
        if (existingBean(bean) != null) {
            ContextualInstance<?> instance = beans.remove(bean);
            if (instance != null) {
                instance.destroy();
            }
            String beanId = beanId(bean);
            modify(record -> record.withoutBean(beanId));
        }
    }

    /** Writes this request's bean instances back to the page (at the end of the request). */
    void writeBackBeans() {
        if (beans.isEmpty() || ending != null) {
            return;
        }
        Map<String, byte[]> written = new LinkedHashMap<>();
        beans.forEach((bean, instance) -> written.put(beanId(bean),
                Values.write(instance.instance(), "The @PageScoped instance of " + bean)));
        modify(record -> record.withBeans(written));
    }

    /** Destroys every instance of a page being ended, once (SPEC 5.3); a failing one does not spare the others. */
    void destroyBeans() {
        for (String beanId : ending.beans().keySet()) {
            Contextual<?> bean = states.bean(beanId);
            if (bean != null) {
                existingBean(bean);
            } else {
                LOG.warning(() -> "A @PageScoped instance of bean " + beanId + " outlived its bean: not destroyed");
            }
        }
        for (Contextual<?> bean : beans.keySet()) {
            try {
                beans.remove(bean).destroy();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Destroying a @PageScoped bean failed", e);
            }
        }
    }

    private <T> T local(Contextual<T> bean) {
        @SuppressWarnings("unchecked")
        ContextualInstance<T> instance = (ContextualInstance<T>) beans.get(bean);
        return instance == null ? null : instance.instance();
    }

    private PageRecord record() {
        PageRecord removed = ending;
        return removed != null ? removed : states.record(id, owner);
    }

    private void modify(UnaryOperator<PageRecord> change) {
        PageRecord removed = ending;
        if (removed != null) {
            ending = change.apply(removed);
        } else {
            states.modify(id, owner, change);
        }
    }

    static String beanId(Contextual<?> bean) {
        if (bean instanceof PassivationCapable capable) {
            return capable.getId();
        }
        throw new IllegalStateException(bean + " is not passivation capable: @PageScoped is a passivating scope");
    }
}
