package dev.nex.jakarta.impl.store;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.Dependent;

import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.page.PageBindings;

/**
 * {@link PageStore} over the bound page's entries (SPEC 4). Reads never allocate; writes do.
 * <p>
 * Stateless, so {@code @Dependent}: callers hold the instance itself, not a client proxy. A Weld client proxy
 * costs about 40 ns per call (bench/RESULTS.md), more than a store operation itself. Serializable so that
 * passivating beans ({@code @PageScoped}, {@code @SessionScoped}) may inject it.
 */
@Dependent
public class PageStoreBean implements PageStore, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public <T> T get(String key, T defaultValue) {
        Objects.requireNonNull(key, "key");
        Object value = entriesForRead().get(key);
        return value == null ? defaultValue : cast(value);
    }

    @Override
    public void put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            delete(key);
        } else {
            PageBindings.require().stateForWrite().writableEntries().put(key, value);
        }
    }

    @Override
    public <T> T update(String key, T defaultValue, UnaryOperator<T> fn) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fn, "fn");
        // compute() runs fn under the entry's lock: parallel updates of one key are serialized (SPEC 4.2)
        Object updated = PageBindings.require().stateForWrite().writableEntries()
                .compute(key, (k, current) -> fn.apply(current == null ? defaultValue : cast(current)));
        return cast(updated);
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        Map<String, Object> entries = entriesForRead();
        if (!entries.isEmpty()) { // an empty map may be the immutable one of a page that never wrote
            entries.remove(key);
        }
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(entriesForRead().keySet());
    }

    @Override
    public void clear() {
        Map<String, Object> entries = entriesForRead();
        if (!entries.isEmpty()) {
            entries.clear();
        }
    }

    /** The bound page's entries to read or remove: empty (allocating nothing) if it never stored any. */
    private static Map<String, Object> entriesForRead() {
        PageState state = PageBindings.require().stateForRead();
        return state == null ? Map.of() : state.entries();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
