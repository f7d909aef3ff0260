package dev.nex.jakarta.impl.state;

import java.time.Duration;

/**
 * A request did not get its turn at its page's {@code @PageScoped} beans within {@code nex.page.lock-timeout}
 * (SPEC 5.6): answered 503 with {@code Retry-After}, as the page is busy, not broken.
 */
public final class PageBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code holder} says who had the turn, e.g. "held by node 1f2e3d4c" (node ids are logged at start). */
    public PageBusyException(String shortPageId, Duration waited, String holder) {
        super("Page " + shortPageId + " is busy: no turn at its @PageScoped beans within " + waited
                + " (nex.page.lock-timeout); " + holder);
    }
}
