package dev.nex.jakarta.impl.state.grid;

/**
 * A stored value this version of the application cannot read back: its class is gone, changed incompatibly, or
 * not one the grid may hand it (SPEC 10.8).
 */
final class UnreadableValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String className;

    UnreadableValueException(String className, Throwable cause) {
        super("A page state value of " + (className == null ? "an unknown class" : "class " + className)
                + " cannot be read by this version of the application: " + cause, cause);
        this.className = className;
    }

    /** The class that could not be read, or {@code null} if the stream did not say. */
    String className() {
        return className;
    }
}
