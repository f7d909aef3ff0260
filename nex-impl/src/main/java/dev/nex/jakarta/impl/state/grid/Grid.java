package dev.nex.jakarta.impl.state.grid;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The few operations of a clustered cache that page state needs: String keys and values, and atomic conditional
 * writes (compare-and-set). Infinispan and every JSR-107 provider have them as cluster-wide atomic operations, so
 * nothing here locks, and nothing but JDK types ever crosses the grid (no application class on a grid node's
 * class path is needed).
 */
interface Grid {

    /** The value under {@code key}, or {@code null}. */
    String get(String key);

    /** Stores {@code value} if {@code key} is absent; {@code true} if it did. */
    boolean putIfAbsent(String key, String value);

    /** Replaces {@code expected} by {@code value}; {@code true} if {@code key} still held {@code expected}. */
    boolean replace(String key, String expected, String value);

    /** Removes {@code key} if it still holds {@code expected}; {@code true} if this call removed it. */
    boolean remove(String key, String expected);

    /** Every key in the cluster (weakly consistent). */
    Iterable<String> keys();

    /**
     * Sets {@code key} to what {@code change} makes of its value ({@code null} for absent; a {@code null} result
     * removes it), again on the newer value until a compare-and-set wins; returns the value set. {@code change}
     * may run more than once. A result equal to the value read writes nothing.
     */
    default String update(String key, UnaryOperator<String> change) {
        for (;;) {
            String raw = get(key);
            String next = change.apply(raw);
            if (Objects.equals(next, raw)) {
                return raw;
            }
            if (raw == null ? putIfAbsent(key, next) : next == null ? remove(key, raw) : replace(key, raw, next)) {
                return next;
            }
        }
    }
}
