package dev.nex.jakarta.impl.state.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.PassivationCapable;

import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageBeanStorage;

/**
 * A page on the grid as one request sees it. Entries are read from the grid on every call and written with a
 * compare-and-set of the page's record, so parallel requests on any nodes never lose a write (SPEC 10.3).
 * <p>
 * {@code @PageScoped} instances are the request's own copies: read at first use and written back when the request
 * ends. The request takes the page's turn before that first use and holds it until it ends ({@link PageTurns}), so
 * requests that use the beans run one after another across the cluster and no change is lost (SPEC 5.6); requests
 * that only use the store still run in parallel. The next request of the same node starts from the forms this one
 * left, while their write is on its way.
 */
final class GridPage implements Page {

    private static final Logger LOG = Logger.getLogger(GridPage.class.getName());

    private final GridBackend states;
    private final String id;
    private final String owner;
    /** This request's bean instances: read from the grid at first use. */
    private final PageBeanStorage beans = new PageBeanStorage(new KeptBeans());
    /** The record of a page being ended: no longer on the grid, read (and written) here only. */
    private volatile PageRecord ending;
    /** This request's turn at the page's beans, from its first use of one to the end of the request. */
    private PageTurns.Turn turn;
    /**
     * The stored forms of the page's beans as this request's turn found them (minus those it destroyed): an
     * instance that still serializes to its form is not written back.
     */
    private Map<String, byte[]> keptForms;
    /** Whether this request destroyed one of the page's instances: its write-back then goes last. */
    private volatile boolean forgot;
    /** The record as this request last read or wrote it: where its next write starts if nobody wrote since. */
    private volatile String seen;

    private GridPage(GridBackend states, String id, String owner, PageRecord ending, String seen) {
        this.states = states;
        this.id = id;
        this.owner = owner;
        this.ending = ending;
        this.seen = seen;
    }

    /** A live page entered by a request that read its record as {@code seen}. */
    static GridPage live(GridBackend states, String id, String owner, String seen) {
        return new GridPage(states, id, owner, null, seen);
    }

    /** A page removed from the grid, while its end observers and {@code @PreDestroy} methods run. */
    static GridPage ending(GridBackend states, String id, PageRecord removed) {
        return new GridPage(states, id, removed.owner(), removed, null);
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
        return value == null ? null : states.read(id, value);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(record().entries().keySet());
    }

    @Override
    public void put(String key, Object value) {
        byte[] serialized = states.write(value, "The value stored under '" + key + "'");
        modify(record -> record.withEntry(key, serialized));
    }

    @Override
    public <T> Object update(String key, T defaultValue, UnaryOperator<T> fn) {
        Object[] result = new Object[1];
        modify(record -> { // may run again if another write won the race: fn then sees the newer value
            byte[] current = record.entries().get(key);
            @SuppressWarnings("unchecked")
            T value = current == null ? defaultValue : (T) states.read(id, current);
            Object next = fn.apply(value);
            result[0] = next;
            return next == null ? record.withoutEntry(key)
                    : record.withEntry(key, states.write(next, "The value stored under '" + key + "'"));
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
    public PageBeanStorage beans() {
        return beans;
    }

    /**
     * Ends this request's turn at the page's beans, if it took one (at the end of the request): the instances it
     * changed are written back, and the turn goes on ({@link PageTurns.Turn#end}).
     */
    void endTurn() {
        PageTurns.Turn held;
        Map<String, byte[]> found;
        synchronized (this) {
            held = turn;
            found = keptForms;
            turn = null;
        }
        if (held == null) {
            return;
        }
        Map<String, byte[]> left = new ConcurrentHashMap<>(found);
        boolean changed = forgot;
        try {
            for (Map.Entry<Contextual<?>, Object> instance : beans.byBean().entrySet()) {
                byte[] form = states.write(instance.getValue(), "The @PageScoped instance of " + instance.getKey());
                changed |= !Arrays.equals(form, left.put(beanId(instance.getKey()), form));
            }
        } catch (RuntimeException | Error e) {
            held.end(found, forgot, states.guess(id, seen)); // its changes are lost: the beans stay as they were
            throw e;
        }
        String written = held.end(left, changed, states.guess(id, seen)); // only read: the beans are not written
        if (written != null) {
            seen = written;
        }
    }

    /** The forms of the page's beans, after waiting for the page's turn if this request has none yet (SPEC 5.6). */
    private synchronized Map<String, byte[]> keptForms() {
        if (ending != null) {
            return ending.beans();
        }
        if (turn == null) {
            PageTurns.Turn taken = states.takeTurn(id, seen);
            if (taken.record() != null) {
                seen = taken.record();
            }
            keptForms = new ConcurrentHashMap<>(taken.beans());
            turn = taken;
        }
        return keptForms;
    }

    /** The page's instances as kept on the grid (or in the record of an ending page) between requests. */
    private final class KeptBeans implements PageBeanStorage.Source {

        @Override
        public <T> T kept(Contextual<T> bean) {
            byte[] stored = keptForms().get(beanId(bean));
            @SuppressWarnings("unchecked")
            T instance = stored == null ? null : (T) states.read(id, stored);
            return instance;
        }

        @Override
        public <T> CreationalContext<T> creationalContext(Contextual<T> bean) {
            return states.creationalContext(bean);
        }

        @Override
        public Iterable<Contextual<?>> keptBeans() {
            List<Contextual<?>> kept = new ArrayList<>();
            for (String beanId : record().beans().keySet()) {
                Contextual<?> bean = states.bean(beanId);
                if (bean != null) {
                    kept.add(bean);
                } else {
                    LOG.warning(() -> "A @PageScoped instance of bean " + beanId + " outlived its bean: not destroyed");
                }
            }
            return kept;
        }

        @Override
        public void forget(Contextual<?> bean) {
            String beanId = beanId(bean);
            if (ending == null) {
                keptForms().remove(beanId);
                forgot = true;
            }
            modify(record -> record.withoutBean(beanId));
        }
    }

    private PageRecord record() {
        PageRecord removed = ending;
        if (removed != null) {
            return removed;
        }
        String stored = states.stored(id);
        seen = stored;
        return stored == null ? states.empty(owner) : PageRecord.decode(stored);
    }

    private void modify(UnaryOperator<PageRecord> change) {
        PageRecord removed = ending;
        if (removed != null) {
            ending = change.apply(removed);
        } else {
            seen = states.modify(id, owner, change, seen);
        }
    }

    static String beanId(Contextual<?> bean) {
        if (bean instanceof PassivationCapable capable) {
            return capable.getId();
        }
        throw new IllegalStateException(bean + " is not passivation capable: @PageScoped is a passivating scope");
    }
}
