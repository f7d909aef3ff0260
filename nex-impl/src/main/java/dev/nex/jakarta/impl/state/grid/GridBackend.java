package dev.nex.jakarta.impl.state.grid;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.ForeignPageException;
import dev.nex.jakarta.impl.state.LeastRecentlyUsed;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.RoundTripListener;
import dev.nex.jakarta.impl.state.SharedState;
import dev.nex.jakarta.impl.state.UnreadablePageException;

/**
 * Page state on the server's data grid ({@code nex.store=jcache} or {@code infinispan}, SPEC 10): any node serves
 * any page. Each page is one {@link PageRecord} under its id; every change is a compare-and-set on the grid, so
 * writes are atomic across nodes, and every end is a conditional remove, so exactly one node in the cluster wins
 * it and runs {@code @PreDestroy} and the events (SPEC 10.5).
 * <p>
 * Expiry is ours, not the grid's (a grid's expiry listeners fire on every node, or not at all for idle entries):
 * each record carries its last access, requests renew it, lookups end what has expired, and the sweep runs on
 * one node at a time, the holder of a lease on the grid. Clocks of the nodes are compared, so keep them in sync.
 * <p>
 * A page is not ended under a request in flight on the node that ends it (SPEC 6.8): that end waits for the
 * node's last request of the page. A request in flight on another node finishes with what it has read; its
 * later writes to the ended page change nothing.
 * <p>
 * Requests that use a page's {@code @PageScoped} beans take turns across the cluster ({@link PageTurns}, SPEC
 * 5.6). The global cap is checked at page creation from an estimate kept on the grid ({@link LivePageEstimate},
 * SPEC 10.9), and exactly by the sweep.
 */
@ApplicationScoped
@Typed(GridBackend.class) // injected as PageStateBackend only through BackendProducer
public class GridBackend implements PageStateBackend {

    private static final Logger LOG = Logger.getLogger(GridBackend.class.getName());
    /** Keys of our own bookkeeping; page ids never contain ':'. */
    private static final String META = "nex:";
    private static final String OWNER_INDEX = META + "owner:";
    private static final String SWEEP_LEASE = META + "sweep-lease";
    private static final String ID_SECRET = META + "id-secret";
    private static final String LIVE_ESTIMATE = META + "live-estimate";
    /** Keys of the mechanisms that share state through the grid ({@link #shared}). */
    private static final String SHARED = META + "shared:";
    /** A node's probe of the grid (readiness): written and removed at once. */
    private static final String PROBE = META + "probe:";
    /** How soon the turn of a node that died lapses (SPEC 5.6); a holder renews it every third of this. */
    static final long TURN_LEASE_MILLIS = 5_000;
    private static final String THREADS = "java:comp/DefaultManagedThreadFactory";

    @Inject
    NexSettings settings;

    @Inject
    PageLifecycle lifecycle;

    @Inject
    BeanManager beanManager;

    private final String node = UUID.randomUUID().toString();
    private final LocalRequests inFlight = new LocalRequests();
    private volatile Grid grid;
    private SessionIndex sessions;
    private SweepLease sweepLease;
    private PageTurns turns;
    private PageWrites writes;
    private LivePageEstimate estimate;
    private Thread turnRenewal;
    /** Defines the application's classes: Nex is in its WAR. */
    private final ClassLoader application = GridBackend.class.getClassLoader();
    private VersionCheck versionCheck;
    /**
     * This application's version on the grid ({@link ApplicationVersion}); until it has started, {@code ""}: the
     * writer of a record is then unknown, as in records of Nex's first format, and every record is read first.
     */
    private volatile String version;
    private long ttlMillis;
    private long renewAfterMillis;
    private volatile RoundTripListener roundTrips = RoundTripListener.NONE;

    /** Connects to the configured grid; fails with what to configure if it cannot. */
    public synchronized GridBackend connect() {
        if (grid == null) {
            connect(switch (settings.store()) {
                case JCACHE -> JCacheGrid.open(settings.jcacheManager(), settings.jcacheCache());
                case INFINISPAN -> MapGrid.infinispan(settings.infinispanCache());
                case MEMORY -> throw new IllegalStateException("nex.store=memory is not a grid");
            }, "");
            turnRenewal = startTurnRenewal();
            LOG.info(() -> "Nex page state on the data grid (nex.store=" + settings.store().name().toLowerCase()
                    + "), node " + node.substring(0, 8));
        }
        return this;
    }

    /**
     * Marks what this node writes with the version of application {@code web} (SPEC 10.8), once it starts: an
     * EJB timer may sweep before that.
     */
    public void started(ServletContext web) {
        version = ApplicationVersion.of(web);
        LOG.info(() -> "Nex node " + node.substring(0, 8) + " runs application version " + version);
    }

    /** Uses {@code connected} as the grid, for application version {@code applicationVersion}. */
    synchronized void connect(Grid untimed, String applicationVersion) {
        Grid connected = new TimedGrid(untimed, () -> roundTrips);
        version = applicationVersion;
        versionCheck = new VersionCheck(application);
        ttlMillis = settings.pageTtl().toMillis();
        // a request renews its page only when the last renewal is older than this: reads stay reads
        renewAfterMillis = Math.min(ttlMillis / 10, 30_000);
        sessions = new SessionIndex(connected, OWNER_INDEX);
        sweepLease = new SweepLease(connected, SWEEP_LEASE, node, settings.sweepInterval().toMillis() * 3 / 2);
        writes = new PageWrites(connected, record -> record.writtenBy(version).touched(System.currentTimeMillis()));
        turns = new PageTurns(connected, writes, node, TURN_LEASE_MILLIS);
        estimate = new LivePageEstimate(connected, LIVE_ESTIMATE, settings.maxTotal());
        grid = connected;
    }

    @Override
    public Lookup lookup(String pageId, String owner) {
        long now = System.currentTimeMillis(); // before the grid answers: a grid busy with a failover is no idleness
        String raw = grid.get(pageId);
        if (raw == null) {
            return new Lookup(Found.ABSENT, null);
        }
        PageRecord record = PageRecord.decode(raw);
        if (!record.owner().equals(owner)) {
            return new Lookup(Found.FOREIGN, null);
        }
        if (record.idleLongerThan(ttlMillis, now)) { // SPEC 6.2: never visible past its expiry, sweep or not
            end(pageId, PageEndReason.EXPIRED, this::expired);
            return new Lookup(Found.EXPIRED, null);
        }
        PageRecord current = record;
        if (!writtenByThisVersion(record)) { // SPEC 10.8: another version of the application wrote it
            if (versionCheck.readablePart(record) != record) {
                end(pageId, PageEndReason.UNREADABLE, any -> true);
                return new Lookup(Found.EXPIRED, null);
            }
            current = record.writtenBy(version); // checked: this version's requests need not check again
        }
        String seen = raw;
        if (current != record || now - record.lastAccessMillis() > renewAfterMillis) {
            String touched = current.touched(now).encode();
            if (grid.replace(pageId, raw, touched)) { // lost only to a write, which did it too
                seen = touched;
            }
        }
        inFlight.enter(pageId);
        return new Lookup(Found.LIVE, GridPage.live(this, pageId, owner, seen));
    }

    @Override
    public Allocation allocate(String pageId, String owner) {
        for (;;) {
            String empty = PageRecord.empty(owner, System.currentTimeMillis(), version).encode();
            if (grid.putIfAbsent(pageId, empty)) {
                inFlight.enter(pageId);
                return new Allocation(GridPage.live(this, pageId, owner, empty), true);
            }
            String raw = grid.get(pageId);
            if (raw != null) {
                if (!PageRecord.decode(raw).owner().equals(owner)) {
                    throw new ForeignPageException();
                }
                inFlight.enter(pageId);
                return new Allocation(GridPage.live(this, pageId, owner, raw), false);
            }
        }
    }

    @Override
    public void started(Page page) {
        lifecycle.started(page);
        List<String> owned = sessions.add(page.owner(), page.id(), settings.maxPerSession());
        if (owned.size() > settings.maxPerSession()) {
            endLeastRecentlyUsed(owned, page.id(), owned.size() - settings.maxPerSession(),
                    PageEndReason.SESSION_LIMIT);
        }
        if (estimate.created()) { // SPEC 10.9: the global cap at creation, counted exactly only when it may be hit
            long beforeWalk = estimate.beforeWalk();
            List<String> pageIds = pageIds();
            estimate.walked(pageIds.size(), beforeWalk);
            if (pageIds.size() > settings.maxTotal()) {
                endLeastRecentlyUsed(pageIds, page.id(), pageIds.size() - settings.maxTotal(),
                        PageEndReason.GLOBAL_LIMIT);
            }
        }
    }

    @Override
    public void leave(Page page) {
        try {
            ((GridPage) page).endTurn();
        } finally {
            PageEndReason waiting = inFlight.exit(page.id());
            if (waiting != null) {
                end(page.id(), waiting, record -> true);
            }
        }
    }

    @Override
    public int sweep() {
        if (!sweepLease.hold()) {
            return 0; // another node sweeps the cluster (SPEC 10.5)
        }
        int expired = 0;
        long beforeWalk = estimate.beforeWalk();
        List<String> live = new ArrayList<>();
        List<String> pageIds = new ArrayList<>();
        List<String> sessionKeys = new ArrayList<>();
        for (String key : grid.keys()) {
            if (key.startsWith(OWNER_INDEX)) {
                sessionKeys.add(key);
            } else if (!key.startsWith(META)) {
                pageIds.add(key);
            }
        }
        for (String pageId : pageIds) {
            String raw = grid.get(pageId);
            if (raw != null && expired(PageRecord.decode(raw)) && !inFlight.inUse(pageId)) {
                if (end(pageId, PageEndReason.EXPIRED, this::expired)) {
                    expired++;
                }
            } else if (raw != null) {
                live.add(pageId);
            }
        }
        sessions.forgetEnded(sessionKeys, new HashSet<>(live));
        estimate.walked(live.size(), beforeWalk);
        if (live.size() > settings.maxTotal()) { // SPEC 6.4 for the cluster, checked by the sweeping node
            endLeastRecentlyUsed(live, null, live.size() - settings.maxTotal(), PageEndReason.GLOBAL_LIMIT);
        }
        lifecycle.swept(expired, settings.pageTtl(), live.size() + " live in the cluster");
        return expired;
    }

    @Override
    public void endOwner(String owner, PageEndReason reason) {
        for (String pageId : sessions.removeAll(owner)) {
            requestEnd(pageId, reason, record -> record.owner().equals(owner));
        }
    }

    @Override
    public boolean endOwned(String pageId, String owner, PageEndReason reason) {
        String raw = grid.get(pageId);
        if (raw == null || !PageRecord.decode(raw).owner().equals(owner)) {
            return false;
        }
        requestEnd(pageId, reason, record -> record.owner().equals(owner));
        return true;
    }

    /** A node going away ends no page: the pages belong to the cluster and live on in the grid (SPEC 10.4). */
    @Override
    public void shutdown() {
        if (turnRenewal != null) {
            turnRenewal.interrupt();
        }
        LOG.fine("Nex node leaves its pages to the cluster");
    }

    @Override
    public int livePages() {
        return pageIds().size();
    }

    @Override
    public long storeEntries() {
        long entries = 0;
        for (String pageId : pageIds()) {
            String raw = grid.get(pageId);
            if (raw != null) {
                entries += PageRecord.decode(raw).entries().size();
            }
        }
        return entries;
    }

    @Override
    public Optional<SharedState> shared() {
        return Optional.of(new SharedState() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public String get(String key) {
                return grid.get(SHARED + key);
            }

            @Override
            public String update(String key, UnaryOperator<String> change) {
                return grid.update(SHARED + key, change);
            }

            @Override
            public boolean pageExists(String pageId) {
                return grid.get(pageId) != null;
            }
        });
    }

    @Override
    public void probe() {
        String key = PROBE + node;
        String value = Long.toString(System.nanoTime());
        grid.putIfAbsent(key, value);
        grid.remove(key, value);
    }

    @Override
    public void listenToRoundTrips(RoundTripListener listener) {
        roundTrips = listener;
    }

    @Override
    public byte[] idSecret() {
        String shared = grid.get(ID_SECRET);
        if (shared == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            grid.putIfAbsent(ID_SECRET, Base64.getEncoder().encodeToString(secret));
            shared = grid.get(ID_SECRET); // the first node's, if another one won
        }
        return Base64.getDecoder().decode(shared);
    }

    /** The page's record as stored on the grid, or {@code null} if it is gone. */
    String stored(String pageId) {
        return grid.get(pageId);
    }

    /** An empty record of {@code owner}'s: what a page that is gone reads as. */
    PageRecord empty(String owner) {
        return PageRecord.empty(owner, System.currentTimeMillis(), version);
    }

    /**
     * Applies {@code change} to the page's record with a compare-and-set, again on a newer record until one wins
     * ({@link PageWrites}); returns the record written. A page ended meanwhile is not brought back: the change then
     * applies to nothing, as a write to an ended page does in memory, and the result is {@code null}.
     *
     * @param seen the record as the request last read or wrote it ({@link #guess})
     */
    String modify(String pageId, String owner, UnaryOperator<PageRecord> change, String seen) {
        return writes.modify(pageId, change, empty(owner), guess(pageId, seen));
    }

    /**
     * {@code seen}, the record as a request last read or wrote it, if no other request of the page is in flight
     * on this node, else {@code null}: a write may start from it (one on another node makes the first try fail,
     * costing a round trip).
     */
    String guess(String pageId, String seen) {
        return inFlight.alone(pageId) ? seen : null;
    }

    /**
     * Waits for the page's turn at its {@code @PageScoped} beans (SPEC 5.6).
     *
     * @param seen the record as the request last read or wrote it ({@link #guess})
     */
    PageTurns.Turn takeTurn(String pageId, String seen) {
        return turns.take(pageId, settings.pageLockTimeout(), guess(pageId, seen));
    }

    /**
     * The value {@code bytes} of page {@code pageId} hold.
     *
     * @throws UnreadablePageException if this version of the application cannot read it: the page then ends
     *                                 once this node's requests of it are done (SPEC 10.8)
     */
    Object read(String pageId, byte[] bytes) {
        try {
            return Values.read(bytes, application);
        } catch (UnreadableValueException e) {
            versionCheck.warn(e);
            requestEnd(pageId, PageEndReason.UNREADABLE, any -> true);
            throw new UnreadablePageException(e);
        }
    }

    byte[] write(Object value, String what) {
        return Values.write(value, what, application);
    }

    <T> CreationalContext<T> creationalContext(Contextual<T> bean) {
        return beanManager.createCreationalContext(bean);
    }

    /** The bean with passivation id {@code beanId}, or {@code null}. */
    Contextual<?> bean(String beanId) {
        return beanManager.getPassivationCapableBean(beanId);
    }

    private boolean writtenByThisVersion(PageRecord record) {
        String current = version;
        return !current.isEmpty() && current.equals(record.writtenBy());
    }

    private boolean expired(PageRecord record) {
        return record.idleLongerThan(ttlMillis, System.currentTimeMillis());
    }

    /**
     * Ends page {@code pageId} if its record satisfies {@code condition}: removes it with a compare-and-set, and
     * only the caller whose remove succeeded, on whichever node, runs the end. {@code true} if this call ended it.
     */
    private boolean end(String pageId, PageEndReason reason, Predicate<PageRecord> condition) {
        for (;;) {
            String raw = grid.get(pageId);
            if (raw == null) {
                return false;
            }
            PageRecord record = PageRecord.decode(raw);
            if (!condition.test(record)) {
                return false;
            }
            if (grid.remove(pageId, raw)) {
                estimate.ended();
                sessions.remove(record.owner(), pageId);
                PageRecord readable = writtenByThisVersion(record) ? record : versionCheck.readablePart(record);
                lifecycle.end(GridPage.ending(this, pageId, readable), reason);
                return true;
            }
        }
    }

    /** Ends page {@code pageId} now, or after this node's last request of it (SPEC 6.8). */
    private void requestEnd(String pageId, PageEndReason reason, Predicate<PageRecord> condition) {
        if (!inFlight.deferEnd(pageId, reason)) {
            end(pageId, reason, condition);
        }
    }

    /** Ends the {@code count} least recently used of {@code pageIds}, sparing {@code spared}. */
    private void endLeastRecentlyUsed(List<String> pageIds, String spared, int count, PageEndReason reason) {
        record Candidate(String pageId, long lastAccessMillis) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String pageId : pageIds) {
            String raw = grid.get(pageId);
            if (raw != null && !pageId.equals(spared)) {
                candidates.add(new Candidate(pageId, PageRecord.decode(raw).lastAccessMillis()));
            }
        }
        for (Candidate victim : LeastRecentlyUsed.pick(candidates, Candidate::lastAccessMillis, null, count)) {
            requestEnd(victim.pageId(), reason, record -> true);
        }
    }

    /**
     * Renews this node's turns on a thread of the server's Jakarta Concurrency thread factory: a thread of ours,
     * which a server suspended for a graceful shutdown does not refuse to run as it refuses scheduled tasks (and
     * logs each refusal as an error), while the requests it lets finish still hold turns.
     */
    private Thread startTurnRenewal() {
        ManagedThreadFactory threads;
        try {
            threads = (ManagedThreadFactory) new InitialContext().lookup(THREADS);
        } catch (NamingException e) {
            throw new GridUnavailableException("Nex cluster mode renews page turns on a thread of " + THREADS
                    + ", which this server does not provide (enable Jakarta Concurrency)", e);
        }
        long period = TURN_LEASE_MILLIS / 3;
        Thread renewal = threads.newThread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(period);
                    turns.renewHeld();
                } catch (InterruptedException e) {
                    return; // shutdown
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Renewing page turns failed; trying again in " + period + " ms", e);
                }
            }
        });
        renewal.setName("nex-turn-renewal");
        renewal.setDaemon(true);
        renewal.start();
        return renewal;
    }

    private List<String> pageIds() {
        List<String> ids = new ArrayList<>();
        for (String key : grid.keys()) {
            if (!key.startsWith(META)) {
                ids.add(key);
            }
        }
        return ids;
    }
}
