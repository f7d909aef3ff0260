package dev.nex.jakarta.impl.push;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageEndListener;

/**
 * The pages of this node that push (SPEC 12): each one's {@link PageChannel}, the streams each session holds open,
 * and the heartbeat. A channel lives from the first event or stream of its page to the page's end; one that its
 * end never reached (its page ended while a late sender created it) goes after a page TTL without use.
 * Drains run on the server's default managed executor; {@link PushHeartbeat} times the heartbeats.
 */
@ApplicationScoped
public class PushStreams implements PageEndListener {

    @Inject
    NexSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final ConcurrentHashMap<String, PageChannel> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> streamsPerOwner = new ConcurrentHashMap<>();
    private final PushCounters counters = new PushCounters();

    /** Sends an event to {@code page}'s stream, or keeps it for the stream to come. */
    void send(Page page, String name, String html) {
        channel(page.id()).send(name, html);
    }

    /** Starts the response of a stream, once the stream may open. */
    interface Connection {
        EventStream start() throws IOException;
    }

    /**
     * Opens a stream of {@code page} (SPEC 12.1, 12.3), replacing the page's stream open before.
     *
     * @param connection starts the stream's response; not called if the stream may not open
     * @return {@code false} if the page's session holds {@code nex.push.max-per-session} streams already
     */
    boolean open(Page page, Long lastEventId, Connection connection) throws IOException {
        PageChannel channel = channel(page.id());
        String owner = page.owner();
        if (!reserve(owner, channel.hasStream())) {
            return false;
        }
        counters.opened();
        EventStream stream;
        try {
            stream = connection.start();
        } catch (IOException | RuntimeException e) {
            release(owner);
            throw e;
        }
        if (!channel.attach(stream, lastEventId, () -> release(owner))) {
            release(owner);
            stream.end(); // the page ended meanwhile
        }
        return true;
    }

    @Override
    public void pageEnded(String pageId, PageEndReason reason) {
        PageChannel channel = channels.remove(pageId);
        if (channel != null) {
            channel.end(reason == PageEndReason.SHUTDOWN);
        }
    }

    /** This node's push figures. */
    public PushCounters counters() {
        return counters;
    }

    private PageChannel channel(String pageId) {
        return channels.computeIfAbsent(pageId,
                id -> new PageChannel(settings.push().buffer(), executor, counters));
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

    private void release(String owner) {
        streamsPerOwner.computeIfPresent(owner, (key, open) -> open > 1 ? open - 1 : null);
        counters.closed();
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

    /** Pages ended before this (SPEC 6.7); a channel whose page's end never came closes now. */
    @PreDestroy
    void stop() {
        channels.values().forEach(channel -> channel.end(true));
        channels.clear();
    }
}
