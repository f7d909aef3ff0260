package dev.nex.jakarta;

/**
 * Why a page ended. Each page ends exactly once, for the first of these that happens to it.
 * <pre>{@code
 * void ended(@Observes @Destroyed(PageScoped.class) PageEvent event) {
 *     metrics.count("pages.ended." + event.endReason().orElseThrow());
 * }
 * }</pre>
 */
public enum PageEndReason {
    /** Idle for longer than {@code nex.page.ttl}. */
    EXPIRED,
    /** Least recently used page of a session that went over {@code nex.page.max-per-session}. */
    SESSION_LIMIT,
    /** Least recently used page of the application when it went over {@code nex.page.max-total}. */
    GLOBAL_LIMIT,
    /** The HTTP session that owns the page was invalidated or timed out. */
    SESSION_ENDED,
    /** The tab was closed or navigated away (the page script's unload beacon). */
    UNLOADED,
    /** The application was undeployed or the server stopped. */
    SHUTDOWN,
    /**
     * A new version of the application could not read the page's state back from the data grid (a rolling
     * upgrade that changed a stored class incompatibly or removed it); its next action finds it expired.
     */
    UNREADABLE
}
