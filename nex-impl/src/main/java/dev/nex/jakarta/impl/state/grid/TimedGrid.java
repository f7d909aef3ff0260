package dev.nex.jakarta.impl.state.grid;

import java.util.function.Supplier;

import dev.nex.jakarta.impl.state.RoundTripListener;

/**
 * A {@link Grid} that tells the current {@link RoundTripListener} how long each of its operations took, so that
 * an operator sees what the grid costs a request. Listing the keys is the sweep's, not a request's: not timed.
 */
final class TimedGrid implements Grid {

    private final Grid grid;
    private final Supplier<RoundTripListener> listener;

    TimedGrid(Grid grid, Supplier<RoundTripListener> listener) {
        this.grid = grid;
        this.listener = listener;
    }

    @Override
    public String get(String key) {
        long start = System.nanoTime();
        String value = grid.get(key);
        took("get", start);
        return value;
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        long start = System.nanoTime();
        boolean put = grid.putIfAbsent(key, value);
        took("put_if_absent", start);
        return put;
    }

    @Override
    public boolean replace(String key, String expected, String value) {
        long start = System.nanoTime();
        boolean replaced = grid.replace(key, expected, value);
        took("replace", start);
        return replaced;
    }

    @Override
    public boolean remove(String key, String expected) {
        long start = System.nanoTime();
        boolean removed = grid.remove(key, expected);
        took("remove", start);
        return removed;
    }

    @Override
    public Iterable<String> keys() {
        return grid.keys();
    }

    private void took(String operation, long start) {
        listener.get().roundTrip(operation, System.nanoTime() - start);
    }
}
