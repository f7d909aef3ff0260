package dev.nex.jakarta.impl.state;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One page's state as a request sees it (SPEC 1): its store entries and its {@code @PageScoped} instances. A
 * backend ({@link PageStateBackend}) hands it out to a request that entered the page; {@code PageStore} and the page
 * context are thin layers over it.
 */
public interface Page {

    String id();

    /** Key of the HTTP session that owns the page (SPEC 3.2). */
    String owner();

    /** The value under {@code key}, or {@code null}. */
    Object get(String key);

    /** A snapshot of the keys. */
    Set<String> keys();

    void put(String key, Object value);

    /**
     * Replaces the value under {@code key} by {@code fn(current)} ({@code current} is {@code defaultValue} when
     * absent; a {@code null} result removes the key) atomically for this page and key (SPEC 4.2); returns the new
     * value.
     */
    <T> Object update(String key, T defaultValue, UnaryOperator<T> fn);

    void remove(String key);

    void clear();

    /** The page's {@code @PageScoped} instances (SPEC 5.2). */
    PageBeanStorage beans();

    /** At the page's end: destroys its instances (SPEC 5.3); afterwards it refuses new ones. */
    default void destroyBeans() {
        beans().destroyAll();
    }
}
