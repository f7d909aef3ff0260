package dev.nex.jakarta.impl.state;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.PageScoped;

/**
 * A page's start and its end, the same for every backend and every end path (SPEC 5.3–5.5, 6): the one place
 * that fires the {@code @PageScoped} events, destroys a page's beans, tells the {@link PageEndListener}s (its
 * event stream, SPEC 12.1) and counts pages.
 * <p>
 * An end runs with the ending page bound to the thread that runs it, whichever that is (a request of another
 * page, the sweep's timer, a session listener): {@code @BeforeDestroyed} observers, every {@code @PreDestroy} and
 * {@code @Destroyed} observers see that page through {@code CurrentPage}, read its entries through
 * {@code PageStore} and, until the beans are destroyed, resolve its other {@code @PageScoped} beans to its
 * instances. Writes to the store during an end are seen by the end's later steps and vanish with the page.
 * <p>
 * An observer that throws is logged: it can neither stop a page from ending nor make it end twice. An event
 * nobody observes is not fired at all: observers are fixed once the application is deployed, and a sweep of many
 * pages would otherwise spend most of its time resolving no observers (bench/RESULTS.md).
 */
@ApplicationScoped
public class PageLifecycle {

    private static final Logger LOG = Logger.getLogger(PageLifecycle.class.getName());

    /** The three events of a page. */
    enum Phase {
        INITIALIZED, BEFORE_DESTROYED, DESTROYED
    }

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

    @Inject
    Instance<PageEndListener> endListeners;

    private final PageCounters counters = new PageCounters();
    private boolean initializedObserved;
    private boolean beforeDestroyedObserved;
    private boolean destroyedObserved;
    private List<PageEndListener> listeners = List.of();

    @PostConstruct
    void findObservers() {
        listeners = endListeners.stream().toList();
        initializedObserved = observed(Initialized.Literal.of(PageScoped.class));
        beforeDestroyedObserved = observed(BeforeDestroyed.Literal.of(PageScoped.class));
        destroyedObserved = observed(Destroyed.Literal.of(PageScoped.class));
    }

    /** A page was just created and bound to the request that created it (SPEC 5.4). */
    public void started(Page page) {
        counters.created();
        fire(Phase.INITIALIZED, initializedObserved ? new PageEvent(page.id(), Optional.empty()) : null);
    }

    /**
     * Ends {@code page}: called exactly once per page, by the caller its backend chose, after the page's last
     * request on this node (SPEC 6, 6.8). The page is bound throughout (SPEC 5.5); the caller's binding, if any,
     * is restored afterwards.
     */
    public void end(Page page, PageEndReason reason) {
        // no payload where nobody observes: the sweep ends pages by the million
        PageEvent event = beforeDestroyedObserved || destroyedObserved ? new PageEvent(page.id(), Optional.of(reason))
                : null;
        PageBinding previous = PageBindingHolder.bind(PageBinding.ending(page));
        try {
            fire(Phase.BEFORE_DESTROYED, event);
            page.destroyBeans();
            fire(Phase.DESTROYED, event);
        } finally {
            PageBindingHolder.restore(previous);
        }
        for (PageEndListener listener : listeners) {
            listener.pageEnded(page.id(), reason);
        }
        counters.ended(reason);
    }

    /** This node is going away (SPEC 6.7, 10.4): called once, before the backend's shutdown. */
    public void nodeStopping() {
        for (PageEndListener listener : listeners) {
            try {
                listener.nodeStopping();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Letting go of a node's pages failed", e);
            }
        }
    }

    /** SPEC 9: a sweep that ended pages logs one INFO line; {@code live} says how many are left, and where. */
    public void swept(int ended, Duration ttl, String live) {
        if (ended > 0) {
            LOG.info(() -> "Nex sweep ended " + pages(ended) + " idle for longer than " + ttl + "; " + live);
        }
    }

    /** "1 page", "2 pages". */
    public static String pages(int count) {
        return count == 1 ? "1 page" : count + " pages";
    }

    /** Pages created and ended by this application instance. */
    public PageCounters counters() {
        return counters;
    }

    /** Fires {@code payload} as the event of {@code phase}, if anybody observes it. */
    void fire(Phase phase, PageEvent payload) {
        Event<PageEvent> event = switch (phase) {
            case INITIALIZED -> initializedObserved ? initialized : null;
            case BEFORE_DESTROYED -> beforeDestroyedObserved ? beforeDestroyed : null;
            case DESTROYED -> destroyedObserved ? destroyed : null;
        };
        if (event == null) {
            return;
        }
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of " + payload + " failed", e);
        }
    }

    private boolean observed(Annotation qualifier) {
        PageEvent sample = new PageEvent("", Optional.empty());
        return !beanManager.resolveObserverMethods(sample, qualifier).isEmpty();
    }
}
