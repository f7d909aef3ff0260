package dev.nex.jakarta;

import java.util.Objects;
import java.util.Optional;

/**
 * Payload of the {@link PageScoped} lifecycle events: which page, and why it ended.
 * <pre>{@code
 * void started(@Observes @Initialized(PageScoped.class) PageEvent event) { ... }
 * void ending(@Observes @BeforeDestroyed(PageScoped.class) PageEvent event) { ... }   // state still readable
 * void ended(@Observes @Destroyed(PageScoped.class) PageEvent event) {
 *     log.info("page " + event.shortId() + " ended: " + event.endReason().orElseThrow());
 * }
 * }</pre>
 * A page is initialized when it first stores something (a store entry or a {@code @PageScoped} bean), not when
 * its id is minted: a page that never stores anything has no events.
 *
 * @param pageId    the page id (a secret: log {@link #shortId()} instead)
 * @param endReason empty for {@code @Initialized}, the reason for the two end events
 */
public record PageEvent(String pageId, Optional<PageEndReason> endReason) {

    /**
     * Checks that neither component is {@code null}.
     *
     * @param pageId the page id
     * @param endReason empty for {@code @Initialized}, the reason for the two end events
     */
    public PageEvent {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(endReason, "endReason");
    }

    /**
     * The id to log.
     *
     * @return the first 8 characters of the id: enough to correlate log lines, too short to hijack the page
     */
    public String shortId() {
        return pageId.substring(0, Math.min(8, pageId.length()));
    }

    @Override
    public String toString() {
        return "PageEvent[" + shortId() + "…" + endReason.map(r -> ", " + r).orElse("") + "]";
    }
}
