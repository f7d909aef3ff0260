package dev.nex.jakarta.impl.scope;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;

/**
 * Fires the {@code @PageScoped} lifecycle events (SPEC 5.4). An observer that throws is logged: it cannot stop
 * a page from ending, nor make it end twice.
 * <p>
 * An event nobody observes is not fired at all: observers are fixed once the application is deployed, and a
 * sweep of many pages would otherwise spend most of its time resolving no observers (bench/RESULTS.md).
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

    @Inject
    BeanManager beanManager;

    private boolean initializedObserved;
    private boolean beforeDestroyedObserved;
    private boolean destroyedObserved;

    @PostConstruct
    void findObservers() {
        initializedObserved = observed(Initialized.Literal.of(PageScoped.class));
        beforeDestroyedObserved = observed(BeforeDestroyed.Literal.of(PageScoped.class));
        destroyedObserved = observed(Destroyed.Literal.of(PageScoped.class));
    }

    public void initialized(String pageId) {
        if (initializedObserved) {
            fire(initialized, new PageEvent(pageId, Optional.empty()));
        }
    }

    public void beforeDestroyed(String pageId, PageEndReason reason) {
        if (beforeDestroyedObserved) {
            fire(beforeDestroyed, new PageEvent(pageId, Optional.of(reason)));
        }
    }

    public void destroyed(String pageId, PageEndReason reason) {
        if (destroyedObserved) {
            fire(destroyed, new PageEvent(pageId, Optional.of(reason)));
        }
    }

    private boolean observed(Annotation qualifier) {
        PageEvent sample = new PageEvent("", Optional.empty());
        return !beanManager.resolveObserverMethods(sample, qualifier).isEmpty();
    }

    private static void fire(Event<PageEvent> event, PageEvent payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of " + payload + " failed", e);
        }
    }
}
