package dev.nex.jakarta.impl.page;

/** A presented page id of the wrong length or alphabet (SPEC 3.3): answered with 400, nothing touched. */
public final class MalformedPageIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedPageIdException() {
        super("malformed page id");
    }
}
