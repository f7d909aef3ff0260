package dev.nex.jakarta.impl.store;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.Dependent;

import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * {@link PageStore} over the bound page's state (SPEC 4), whatever backend keeps it. Reads never allocate; writes do.
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
        Page page = pageForRead();
        Object value = page == null ? null : page.get(key);
        return value == null ? defaultValue : cast(value);
    }

    @Override
    public void put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            delete(key);
        } else {
            PageBindingHolder.require().stateForWrite().put(key, value);
        }
    }

    @Override
    public <T> T update(String key, T defaultValue, UnaryOperator<T> fn) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fn, "fn");
        return cast(PageBindingHolder.require().stateForWrite().update(key, defaultValue, fn));
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        Page page = pageForRead();
        if (page != null) {
            page.remove(key);
        }
    }

    @Override
    public Set<String> keys() {
        Page page = pageForRead();
        return page == null ? Set.of() : page.keys();
    }

    @Override
    public void clear() {
        Page page = pageForRead();
        if (page != null) {
            page.clear();
        }
    }

    /** The bound page's state to read or remove from: {@code null} (allocating nothing) if it never stored any. */
    private static Page pageForRead() {
        return PageBindingHolder.require().stateForRead();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
