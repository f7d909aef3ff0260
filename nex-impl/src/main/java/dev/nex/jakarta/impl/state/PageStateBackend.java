package dev.nex.jakarta.impl.state;

import java.util.Optional;

import dev.nex.jakarta.PageEndReason;

/**
 * Where page state lives: the SPI between request binding and a backend ({@code nex.store}: the in-memory
 * registry, or a data grid). A backend finds and creates pages, counts requests in and out, and ends pages on
 * every path of SPEC 6, each exactly once.
 */
public interface PageStateBackend {

    /** How a presented page id resolved. */
    enum Found {
        /** A live page of the caller's session; the request has entered it. */
        LIVE,
        /** A live page of another session: never to be touched (SPEC 3.2). */
        FOREIGN,
        /** Expired just now, found by this lookup: never to run as a fresh page (SPEC 3.4). */
        EXPIRED,
        /** No live page under that id: never stored into, or ended. */
        ABSENT
    }

    record Lookup(Found found, Page page) {
    }

    record Allocation(Page page, boolean created) {
    }

    /** Resolves an action's page id for the session with owner key {@code owner} (may be {@code null}). */
    Lookup lookup(String pageId, String owner);

    /**
     * The page {@code pageId}, created for {@code owner} if absent, entered by the calling request.
     *
     * @throws ForeignPageException if another session created it in the meantime
     */
    Allocation allocate(String pageId, String owner);

    /** A page just created and bound: announce it and apply the caps (SPEC 5.4, 6.3, 6.4). */
    void started(Page page);

    /** The request that entered {@code page} is done with it. */
    void leave(Page page);

    /** Ends expired pages (SPEC 6.2); returns how many this call ended. */
    int sweep();

    /** Ends all pages of the session with owner key {@code owner} (SPEC 6.5). */
    void endOwner(String owner, PageEndReason reason);

    /** Ends page {@code pageId} if {@code owner}'s session owns it (SPEC 6.6); {@code false} if it does not. */
    boolean endOwned(String pageId, String owner, PageEndReason reason);

    /** The application is going away (SPEC 6.7). */
    void shutdown();

    int livePages();

    long storeEntries();

    /** The key page ids are signed with: shared by every instance that serves the same pages. */
    byte[] idSecret();

    /**
     * Makes the store do what every request needs it to do, a write and its removal (SPEC 9, readiness): on the
     * grid, written where the grid keeps the key and its backups. Throws what the store throws if it cannot.
     */
    void probe();

    /**
     * Tells {@code listener} the duration of each round trip to the data grid from now on (SPEC 9, metrics);
     * {@link RoundTripListener#NONE} stops that. A store that is no grid makes no round trips.
     */
    default void listenToRoundTrips(RoundTripListener listener) {
    }

    /** What the backend shares among the nodes of a cluster; empty for a store of this node alone. */
    default Optional<SharedState> shared() {
        return Optional.empty();
    }
}
