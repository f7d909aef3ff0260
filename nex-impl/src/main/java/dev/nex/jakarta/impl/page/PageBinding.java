package dev.nex.jakarta.impl.page;

import java.util.function.Supplier;

import dev.nex.jakarta.impl.eviction.PageRegistry;
import dev.nex.jakarta.impl.store.PageState;

/**
 * What one request is bound to: a page id and, once anything is stored, that page's state (counted in as in
 * flight). Nothing is allocated until the first write (SPEC 2: a full page that stores nothing costs nothing).
 */
public final class PageBinding {

    private final String pageId;
    private final boolean isNew;
    private final PageRegistry registry;
    private final Supplier<String> owner;
    private volatile PageState state;

    private PageBinding(String pageId, boolean isNew, PageState state, PageRegistry registry, Supplier<String> owner) {
        this.pageId = pageId;
        this.isNew = isNew;
        this.state = state;
        this.registry = registry;
        this.owner = owner;
    }

    /** A page with no state yet; {@code owner} gives (creating it if needed) the key of the request's session. */
    static PageBinding withoutState(String pageId, boolean isNew, PageRegistry registry, Supplier<String> owner) {
        return new PageBinding(pageId, isNew, null, registry, owner);
    }

    /** A live page whose state this request has entered. */
    static PageBinding live(PageState entered, PageRegistry registry) {
        return new PageBinding(entered.id(), false, entered, registry, entered::owner);
    }

    /** A page being ended, bound while its end observers run so they can still read its state. */
    public static PageBinding ending(PageState ending) {
        return new PageBinding(ending.id(), false, ending, null, ending::owner);
    }

    public String pageId() {
        return pageId;
    }

    public boolean isNew() {
        return isNew;
    }

    /** The page's state, or {@code null} if nothing was stored yet. */
    public PageState stateForRead() {
        return state;
    }

    /** The page's state, allocated (and owned by the request's session) on the first write. */
    public PageState stateForWrite() {
        PageState current = state; // every store call comes here: no lock once the state exists
        return current != null ? current : allocate();
    }

    private synchronized PageState allocate() {
        if (state == null) {
            PageRegistry.Allocation allocation = registry.allocate(pageId, owner.get());
            state = allocation.state();
            if (allocation.created()) {
                registry.started(state); // after binding it: @Initialized observers may use the store
            }
        }
        return state;
    }

    /** Ends this request's use of the page; runs a page end that waited for it. */
    synchronized void release() {
        if (state != null && registry != null) {
            registry.leave(state);
        }
    }
}
