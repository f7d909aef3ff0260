package dev.nex.jakarta.impl.push;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageEndListener;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * The pages of this node that push (SPEC 12): each one's {@link PageChannel}, the streams each session holds open,
 * and the heartbeat. In memory, a channel lives from the first event or stream of its page to the page's end; one
 * that its end never reached (its page ended while a late sender created it) goes after a page TTL without use.
 * On a data grid, events go through the cluster's log of the page ({@link GridRelay}), and a node keeps channels
 * only for the streams it holds. Drains run on the server's default managed executor, the grid's inbox reader on a
 * thread of its default managed thread factory; {@link PushHeartbeat} times the heartbeats.
 */
@ApplicationScoped
public class PushStreams implements PageEndListener {

    private static final Logger LOG = Logger.getLogger(PushStreams.class.getName());

    @Inject
    NexSettings settings;

    @Inject
    PageStateBackend states;


    private final ConcurrentHashMap<String, PageChannel> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> streamsPerOwner = new ConcurrentHashMap<>();
    @Inject
    PushCounters counters;

    /** The cluster's logs, on a data grid; {@code null} in memory. */
    private GridRelay grid;

    /**
     * Looked up when a page first pushes, not injected: every page's end and the undeploy reach this bean, also
     * in applications that never push, and on threads without the application's naming context.
     */
    private volatile Executor drains;

    @PostConstruct
    void connect() {
        states.shared().ifPresent(shared -> grid = new GridRelay(shared, settings.push().buffer(), counters,
                new GridRelay.Local() {
                    @Override
                    public PageChannel channel(String pageId) {
                        return channels.get(pageId);
                    }

                    @Override
                    public void end(String pageId) {
                        endHere(pageId, false);
                    }
                }, PushStreams::threads));
    }

    /** Sends an event to {@code page}'s stream, or keeps it for the stream to come. */
    void send(Page page, String name, String html) {
        if (grid == null) {
            channel(page.id()).send(name, html);
        } else {
            grid.send(page.id(), name, html);
        }
    }

    /** Starts the response of a stream, once the stream may open. */
    interface Connection {
        EventStream start() throws IOException;
    }

    /**
     * Opens a stream of {@code page} (SPEC 12.1, 12.3), replacing the page's stream open before on this node.
     *
     * @param connection starts the stream's response; not called if the stream may not open
     * @return {@code false} if the page's session holds {@code nex.push.max-per-session} streams already
     */
    boolean open(Page page, Long lastEventId, Connection connection) throws IOException {
        String pageId = page.id();
        PageChannel channel = channel(pageId);
        String owner = page.owner();
        if (!reserve(owner, channel.hasStream())) {
            return false;
        }
        counters.opened();
        EventStream stream;
        try {
            stream = connection.start();
        } catch (IOException | RuntimeException e) {
            release(owner, pageId, channel);
            throw e;
        }
        boolean open = true;
        if (grid != null) {
            PushLog log;
            try {
                log = grid.hold(pageId);
            } catch (RuntimeException e) { // the grid does not answer: no stream, and its place is free again
                release(owner, pageId, channel);
                stream.close();
                throw e;
            }
            channel.offer(log.events(), log.takenUpTo());
            open = !log.ended();
        }
        if (!open || !channel.attach(stream, lastEventId, () -> release(owner, pageId, channel))) {
            release(owner, pageId, channel);
            stream.end(); // the page ended meanwhile
        }
        return true;
    }

    @Override
    public void pageEnded(String pageId, PageEndReason reason) {
        if (grid != null) {
            grid.ended(pageId);
        }
        endHere(pageId, reason == PageEndReason.SHUTDOWN);
    }

    private void endHere(String pageId, boolean shutdown) {
        PageChannel channel = channels.remove(pageId);
        if (channel != null) {
            channel.end(shutdown);
        }
    }

    private PageChannel channel(String pageId) {
        return channels.computeIfAbsent(pageId, id -> new PageChannel(settings.push().buffer(), drains(), counters,
                grid == null ? taken -> { } : taken -> recordTaken(id, taken)));
    }

    private Executor drains() {
        Executor executor = drains;
        if (executor == null) {
            executor = lookup("java:comp/DefaultManagedExecutorService", ManagedExecutorService.class);
            drains = executor;
        }
        return executor;
    }

    private static ManagedThreadFactory threads() {
        return lookup("java:comp/DefaultManagedThreadFactory", ManagedThreadFactory.class);
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("Nex's push needs " + name + " (Jakarta Concurrency)", e);
        }
    }

    /** On a grid: what a stream here took, for a stream that opens elsewhere without {@code Last-Event-ID}. */
    private void recordTaken(String pageId, long sequence) {
        try {
            grid.taken(pageId, sequence);
        } catch (RuntimeException e) { // a stream elsewhere may then get these events again: no reason to fail
            LOG.log(Level.FINE, "Recording the events a stream took failed", e);
        }
    }

    /** Counts a stream of {@code owner} in, unless the session is at its cap and it replaces none of its streams. */
    private boolean reserve(String owner, boolean replacing) {
        int cap = settings.push().maxPerSession();
        boolean[] reserved = {false};
        streamsPerOwner.compute(owner, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count < cap || replacing) {
                reserved[0] = true;
                return count + 1;
            }
            return open;
        });
        return reserved[0];
    }

    /** A stream closed: its place in its session's count is free; on a grid, the page's log forgets this node. */
    private void release(String owner, String pageId, PageChannel channel) {
        streamsPerOwner.computeIfPresent(owner, (key, open) -> open > 1 ? open - 1 : null);
        counters.closed();
        if (grid != null && !channel.hasStream()) {
            try {
                grid.released(pageId);
            } catch (RuntimeException e) { // the grid is unreachable or gone: senders then ring in vain
                LOG.log(Level.FINE, "The page's push log still names this node", e);
            }
        }
    }

    /**
     * Heartbeats to every open stream (SPEC 12.3), closing those whose write hung for two heartbeat intervals;
     * forgets channels idle for a page TTL.
     */
    void beat() {
        long now = System.nanoTime();
        long idleBefore = now - settings.pageTtl().toNanos();
        long stalledBefore = now - 2 * settings.push().heartbeat().toNanos();
        channels.forEach((pageId, channel) -> {
            if (channel.idleSince(idleBefore)) {
                channels.remove(pageId, channel);
            } else {
                channel.heartbeat(stalledBefore);
            }
        });
    }

    /**
     * On a grid, pages outlive a node (SPEC 10.4): its streams close now, without the final event, and their
     * browsers reconnect to another node. Now, while the container still serves them: closing a stream completes
     * its request, which WildFly fails (logged as an error) once the application's sessions are gone.
     */
    @Override
    public void nodeStopping() {
        if (grid != null) {
            grid.stop();
            channels.values().forEach(PageChannel::close);
            channels.clear();
        }
    }

    /** In memory, pages ended before this (SPEC 6.7); a channel whose page's end never came closes now. */
    @PreDestroy
    void stop() {
        nodeStopping();
        channels.values().forEach(channel -> channel.end(true));
        channels.clear();
    }
}
