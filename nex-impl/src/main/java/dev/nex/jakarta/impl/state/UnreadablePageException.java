package dev.nex.jakarta.impl.state;

/**
 * A request met page state that this version of the application cannot read (SPEC 10.8): the page ends, and the
 * tab is told to reload rather than shown an error.
 */
public final class UnreadablePageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadablePageException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
