package dev.nex.jakarta.impl.state.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.nex.jakarta.NexConfig;
import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageLifecycle;

/**
 * The sweep leaves ended pages in their session's index, to be dropped when the session next changes
 * (bench/RESULTS.md: that lookup was half of a large sweep). These check that nothing a session does later can
 * tell: caps count live pages only, and a session's end ends each live page once.
 */
class MemoryBackendTest {

    private static final String SESSION = "owner-key";

    private final MemoryBackend registry = new MemoryBackend();

    MemoryBackendTest() {
        Map<String, String> config = Map.of(NexConfig.PAGE_TTL, "PT0.05S", NexConfig.MAX_PER_SESSION, "2");
        registry.settings = NexSettings.load(key -> Optional.ofNullable(config.get(key)));
        registry.lifecycle = new PageLifecycle(); // no observers: fires nothing
        registry.init();
    }

    private MemoryPage startPage(String id) {
        MemoryPage state = (MemoryPage) registry.allocate(id, SESSION).page();
        registry.started(state);
        registry.leave(state);
        return state;
    }

    private void sweepAll(int expected) throws InterruptedException {
        Thread.sleep(100); // past the TTL
        assertEquals(expected, registry.sweep());
    }

    @Test
    void sweptPagesDoNotCountAgainstTheSessionCap() throws InterruptedException { // SPEC 6.2, 6.3
        startPage("a");
        startPage("b");
        sweepAll(2);
        MemoryPage c = startPage("c");
        MemoryPage d = startPage("d");
        assertNull(c.endReason());
        assertNull(d.endReason());
        assertEquals(2, registry.livePages());
        assertEquals(0, registry.lifecycle.counters().endedCount(PageEndReason.SESSION_LIMIT));
    }

    @Test
    void sessionEndAfterASweepEndsItsLivePagesOnce() throws InterruptedException { // SPEC 6.2, 6.5
        MemoryPage swept = startPage("a");
        sweepAll(1);
        MemoryPage live = startPage("b");
        registry.endOwner(SESSION, PageEndReason.SESSION_ENDED);
        assertEquals(PageEndReason.EXPIRED, swept.endReason());
        assertEquals(PageEndReason.SESSION_ENDED, live.endReason());
        assertEquals(0, registry.livePages());
        assertEquals(1, registry.lifecycle.counters().endedCount(PageEndReason.SESSION_ENDED));
        assertEquals(1, registry.lifecycle.counters().endedCount(PageEndReason.EXPIRED));
    }
}
