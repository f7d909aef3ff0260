package dev.nex.jakarta.impl.state;

import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/**
 * One page's state as a request sees it (SPEC 1): its store entries and its {@code @PageScoped} instances. A
 * backend ({@link PageStates}) hands it out to a request that entered the page; {@code PageStore} and the page
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

    /** The page's instance of {@code bean}, created with {@code creationalContext} on first use (SPEC 5.2). */
    <T> T bean(Contextual<T> bean, CreationalContext<T> creationalContext);

    /** The page's instance of {@code bean}, or {@code null} if it has none. */
    <T> T existingBean(Contextual<T> bean);

    /** Destroys the page's instance of {@code bean}, if any. */
    void destroyBean(Contextual<?> bean);
}
