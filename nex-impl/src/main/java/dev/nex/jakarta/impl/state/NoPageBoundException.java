package dev.nex.jakarta.impl.state;

import jakarta.enterprise.context.ContextNotActiveException;

/** Page state was used where no page is bound (SPEC 4.5): a request without a page id, or a background thread. */
public final class NoPageBoundException extends ContextNotActiveException {
    private static final long serialVersionUID = 1L;

    public NoPageBoundException() {
        super("No Nex page is bound to this thread: page state is available to full-page requests and to htmx "
                + "actions that carry the page id header, not to background threads or requests without a page id");
    }
}
