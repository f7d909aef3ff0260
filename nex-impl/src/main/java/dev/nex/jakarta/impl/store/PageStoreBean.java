package dev.nex.jakarta.impl.store;

import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.page.PageBindings;

/** {@link PageStore} over the bound page's entries (SPEC 4). Reads never allocate; writes do. */
@ApplicationScoped
public class PageStoreBean implements PageStore {

    @Override
    public <T> T get(String key, T defaultValue) {
        Objects.requireNonNull(key, "key");
        PageState state = PageBindings.require().stateForRead();
        Object value = state == null ? null : state.entries().get(key);
        return value == null ? defaultValue : cast(value);
    }

    @Override
    public void put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            delete(key);
        } else {
            PageBindings.require().stateForWrite().entries().put(key, value);
        }
    }

    @Override
    public <T> T update(String key, T defaultValue, UnaryOperator<T> fn) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fn, "fn");
        // compute() runs fn under the entry's lock: parallel updates of one key are serialized (SPEC 4.2)
        Object updated = PageBindings.require().stateForWrite().entries()
                .compute(key, (k, current) -> fn.apply(current == null ? defaultValue : cast(current)));
        return cast(updated);
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        PageState state = PageBindings.require().stateForRead();
        if (state != null) {
            state.entries().remove(key);
        }
    }

    @Override
    public Set<String> keys() {
        PageState state = PageBindings.require().stateForRead();
        return state == null ? Set.of() : Set.copyOf(state.entries().keySet());
    }

    @Override
    public void clear() {
        PageState state = PageBindings.require().stateForRead();
        if (state != null) {
            state.entries().clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
