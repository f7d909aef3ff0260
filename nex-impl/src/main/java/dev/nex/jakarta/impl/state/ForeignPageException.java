package dev.nex.jakarta.impl.state;

/** A request tried to use a page another session owns (SPEC 3.2). Answered with 403; nothing is touched. */
public final class ForeignPageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ForeignPageException() {
        super("This page belongs to another session");
    }
}
