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
        return timed("get", () -> grid.get(key));
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return timed("put_if_absent", () -> grid.putIfAbsent(key, value));
    }

    @Override
    public boolean replace(String key, String expected, String value) {
        return timed("replace", () -> grid.replace(key, expected, value));
    }

    @Override
    public boolean remove(String key, String expected) {
        return timed("remove", () -> grid.remove(key, expected));
    }

    @Override
    public Iterable<String> keys() {
        return grid.keys();
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        listener.get().roundTrip(operation, System.nanoTime() - start);
        return result;
    }
}
