package dev.nex.jakarta.impl.state.grid;

/**
 * Lets one node at a time sweep the cluster (SPEC 10.5): a lease on the grid, taken by the first node whose timer
 * fires, renewed at each of its sweeps, and taken over by another node once it has lapsed (its holder died).
 */
final class SweepLease {

    private final Grid grid;
    private final String key;
    private final String node;
    private final long lengthMillis;

    SweepLease(Grid grid, String key, String node, long lengthMillis) {
        this.grid = grid;
        this.key = key;
        this.node = node;
        this.lengthMillis = lengthMillis;
    }

    /** {@code true} if this node holds the lease now (it has taken or renewed it). */
    boolean hold() {
        long now = System.currentTimeMillis();
        String mine = node + "|" + (now + lengthMillis);
        String raw = grid.get(key);
        if (raw == null) {
            return grid.putIfAbsent(key, mine);
        }
        int bar = raw.lastIndexOf('|');
        boolean heldByOther = !raw.substring(0, bar).equals(node) && Long.parseLong(raw.substring(bar + 1)) > now;
        return !heldByOther && grid.replace(key, raw, mine);
    }
}
