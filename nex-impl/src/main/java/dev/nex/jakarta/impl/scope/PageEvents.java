package dev.nex.jakarta.impl.scope;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;

/**
 * Fires the {@code @PageScoped} lifecycle events (SPEC 5.4). An observer that throws is logged: it cannot stop
 * a page from ending, nor make it end twice.
 */
@ApplicationScoped
public class PageEvents {

    private static final Logger LOG = Logger.getLogger(PageEvents.class.getName());

    @Inject
    @Initialized(PageScoped.class)
    Event<PageEvent> initialized;

    @Inject
    @BeforeDestroyed(PageScoped.class)
    Event<PageEvent> beforeDestroyed;

    @Inject
    @Destroyed(PageScoped.class)
    Event<PageEvent> destroyed;

    public void initialized(String pageId) {
        fire(initialized, new PageEvent(pageId, Optional.empty()));
    }

    public void beforeDestroyed(String pageId, PageEndReason reason) {
        fire(beforeDestroyed, new PageEvent(pageId, Optional.of(reason)));
    }

    public void destroyed(String pageId, PageEndReason reason) {
        fire(destroyed, new PageEvent(pageId, Optional.of(reason)));
    }

    private static void fire(Event<PageEvent> event, PageEvent payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of " + payload + " failed", e);
        }
    }
}
