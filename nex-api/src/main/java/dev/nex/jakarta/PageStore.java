package dev.nex.jakarta;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The current page's key/value state (Nex's {@code Nex.Store}): kept across the page's htmx actions, isolated
 * between tabs, gone after a refresh. Inject it anywhere a request is bound to a page.
 * <pre>{@code
 * @Inject PageStore store;
 *
 * @GET                                   // full page: "mount"
 * public String cart() {
 *     models.put("items", store.get("cart_items", List.of()));
 *     return "cart.jsp";
 * }
 *
 * @POST @Path("add_item")                // htmx action
 * public String addItem(@FormParam("item") String item) {
 *     List<String> items = store.update("cart_items", List.<String>of(), list -> append(list, item));
 *     models.put("items", items);
 *     return "cart-items.jsp";
 * }
 * }</pre>
 * Keys are strings; values any object (treat them as immutable: {@link #update} replaces, it does not lock the
 * value); in cluster mode ({@code nex.store}) values must be {@link java.io.Serializable}, and {@link #put}
 * refuses others with an {@link IllegalArgumentException}. Nothing is allocated for a page until something is
 * stored. Used where no page is bound (a background
 * thread, a request that is neither a full page nor an action with a page id), every method throws
 * {@link jakarta.enterprise.context.ContextNotActiveException}.
 */
public interface PageStore {

    /**
     * The value stored under {@code key}, or {@code defaultValue} if none; never stores anything.
     *
     * @param <T> the value's type
     * @param key the key
     * @param defaultValue what to return when nothing is stored under {@code key}
     * @return the stored value or {@code defaultValue}
     */
    <T> T get(String key, T defaultValue);

    /**
     * Stores {@code value} under {@code key}; a {@code null} value deletes the key.
     *
     * @param key the key
     * @param value the value, or {@code null} to delete
     */
    void put(String key, Object value);

    /**
     * Atomically replaces the value under {@code key} by {@code fn(current)}, where {@code current} is
     * {@code defaultValue} when the key is absent, and returns the new value. Parallel updates of the same
     * page and key never lose one another. {@code fn} must not touch the store itself; a {@code null} result
     * deletes the key.
     * <p>
     * With the default in-memory store {@code fn} runs once. With page state on a data grid ({@code nex.store},
     * cluster mode) {@code fn} may be applied again when another request, on any node, wrote the page in between,
     * as {@link java.util.concurrent.atomic.AtomicReference#updateAndGet} may: it should be free of side effects.
     *
     * @param <T> the value's type
     * @param key the key
     * @param defaultValue what {@code fn} gets when nothing is stored under {@code key}
     * @param fn computes the new value from the current one
     * @return the new value
     */
    <T> T update(String key, T defaultValue, UnaryOperator<T> fn);

    /**
     * Removes {@code key}; nothing happens if it is absent.
     *
     * @param key the key
     */
    void delete(String key);

    /**
     * A snapshot of the current page's keys.
     *
     * @return the keys, a copy
     */
    Set<String> keys();

    /** Removes every entry of the current page ({@code @PageScoped} beans stay). */
    void clear();
}
