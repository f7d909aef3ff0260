package dev.nex.jakarta.impl.state;

import java.util.function.Supplier;

/**
 * What one request is bound to: a page id and, once anything is stored, that page's state (entered, so counted
 * in). Nothing is allocated until the first write (SPEC 2: a full page that stores nothing costs nothing).
 */
public final class PageBinding {

    private final String pageId;
    private final boolean isNew;
    private final PageStateBackend states;
    private final Supplier<String> owner;
    private volatile Page page;

    private PageBinding(String pageId, boolean isNew, Page page, PageStateBackend states, Supplier<String> owner) {
        this.pageId = pageId;
        this.isNew = isNew;
        this.page = page;
        this.states = states;
        this.owner = owner;
    }

    /** A page with no state yet; {@code owner} gives (creating it if needed) the key of the request's session. */
    public static PageBinding withoutState(String pageId, boolean isNew, PageStateBackend states,
            Supplier<String> owner) {
        return new PageBinding(pageId, isNew, null, states, owner);
    }

    /** A live page this request has entered. */
    public static PageBinding live(Page entered, PageStateBackend states) {
        return new PageBinding(entered.id(), false, entered, states, entered::owner);
    }

    /** A page being ended, bound while its end observers run so they can still read its state. */
    public static PageBinding ending(Page ending) {
        return new PageBinding(ending.id(), false, ending, null, ending::owner);
    }

    public String pageId() {
        return pageId;
    }

    public boolean isNew() {
        return isNew;
    }

    /** The page's state, or {@code null} if nothing was stored yet. */
    public Page stateForRead() {
        return page;
    }

    /** The page's state, allocated (and owned by the request's session) on the first write. */
    public Page stateForWrite() {
        Page current = page; // every store call comes here: no lock once the state exists
        return current != null ? current : allocate();
    }

    private synchronized Page allocate() {
        if (page == null) {
            PageStateBackend.Allocation allocation = states.allocate(pageId, owner.get());
            page = allocation.page();
            if (allocation.created()) {
                states.started(page); // after binding it: @Initialized observers may use the store
            }
        }
        return page;
    }

    /** Ends this request's use of the page; runs a page end that waited for it. */
    public synchronized void release() {
        if (page != null && states != null) {
            states.leave(page);
        }
    }
}
