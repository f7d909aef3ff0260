package dev.nex.jakarta.impl.state;

/**
 * Told how long each operation of the data grid took (SPEC 9, metrics), on the thread that waited for it. Must be
 * cheap: it runs on every grid operation of every request.
 */
@FunctionalInterface
public interface RoundTripListener {

    /** Nobody listens: the backend's state before the metrics start, and after they stop. */
    RoundTripListener NONE = (operation, nanos) -> { };

    /** Grid operation {@code operation} ({@code get}, {@code put_if_absent}, {@code replace} or {@code remove}). */
    void roundTrip(String operation, long nanos);
}
