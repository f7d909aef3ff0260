package dev.nex.jakarta.impl.state.grid;

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
}
