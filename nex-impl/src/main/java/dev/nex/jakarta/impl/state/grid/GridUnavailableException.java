package dev.nex.jakarta.impl.state.grid;

/** The grid {@code nex.store} names cannot be reached: fails the deployment, saying what to configure. */
final class GridUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    GridUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
