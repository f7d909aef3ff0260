package dev.nex.jakarta.sample;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;

/** Logs when pages start holding state and when they end, and why: watch the server log while you click. */
@ApplicationScoped
public class PageActivity {

    private static final Logger LOG = Logger.getLogger(PageActivity.class.getName());

    void started(@Observes @Initialized(PageScoped.class) PageEvent page) {
        LOG.info(() -> "page " + page.shortId() + " holds state");
    }

    void ended(@Observes @Destroyed(PageScoped.class) PageEvent page) {
        LOG.info(() -> "page " + page.shortId() + " ended: " + page.endReason().orElseThrow());
    }
}
