package dev.nex.jakarta.sample;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.PageStore;

/**
 * Logs when pages start holding state and when they end, and why: watch the server log while you click. An end
 * runs with the ending page bound, so its observers still read that page's store.
 */
@ApplicationScoped
public class PageActivity {

    private static final Logger LOG = Logger.getLogger(PageActivity.class.getName());

    @Inject
    PageStore store;

    void started(@Observes @Initialized(PageScoped.class) PageEvent page) {
        LOG.info(() -> "page " + page.shortId() + " holds state");
    }

    void ended(@Observes @Destroyed(PageScoped.class) PageEvent page) {
        LOG.info(() -> "page " + page.shortId() + " ended: " + page.endReason().orElseThrow());
    }

    void ending(@Observes @BeforeDestroyed(PageScoped.class) PageEvent page) {
        List<String> cart = store.get(CartController.ITEMS, List.of());
        if (!cart.isEmpty()) {
            LOG.info(() -> "page " + page.shortId() + " ends with " + cart.size() + " items in its cart");
        }
    }
}
