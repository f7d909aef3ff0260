package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.PassivationCapable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nex.jakarta.NexConfig;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.PageStateBackendContract.NoCreationalContext;

/**
 * {@code @PageScoped} instances on the grid (SPEC 5.6) as requests of two "nodes" sharing one map use them, with a
 * grid that takes a few milliseconds per write, as a real one's round trip does. The real grids are
 * {@code ClusterModeTest}'s.
 */
class GridBeansTest {

    private static final String OWNER = "owner-key";
    private static final Counter COUNTER = new Counter();

    private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();
    /** Compare-and-sets of the page's record that change its beans. */
    private final AtomicInteger beanWrites = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void requestsOfOneNodeGoOnWhileTheWriteBeforeThemIsOnItsWay() throws Exception {
        GridBackend a = node();
        increment(a, a, 4, 50);
        assertEquals(200, count(a));
        assertTrue(beanWrites.get() < 100, "the next request of the node starts from the instances the request "
                + "before it left, and their writes go together: " + beanWrites.get() + " writes of the beans for "
                + "200 increments");
    }

    @Test
    void incrementsOfTwoNodesWhoseWritesOverlapAreAllCounted() throws Exception {
        GridBackend a = node();
        GridBackend b = node();
        increment(a, b, 8, 50);
        assertEquals(400, count(b), "each write-back writes the newest instances, whichever lands last");
    }

    /**
     * {@code requests} threads, half on each node, each making {@code each} requests that increment the counter,
     * each followed by one that only reads it.
     */
    private void increment(GridBackend a, GridBackend b, int requests, int each) throws Exception {
        a.allocate("p", OWNER);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < requests; t++) {
            GridBackend node = t % 2 == 0 ? a : b;
            running.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    Page page = node.lookup("p", OWNER).page();
                    page.beans().getOrCreate(COUNTER, new NoCreationalContext<>()).incrementAndGet();
                    node.leave(page);
                    Page reading = node.lookup("p", OWNER).page(); // a request that writes nothing back
                    reading.beans().getOrCreate(COUNTER, new NoCreationalContext<>()).get();
                    node.leave(reading);
                }
                return null;
            }));
        }
        for (Future<?> request : running) {
            request.get();
        }
    }

    private static int count(GridBackend node) {
        Page page = node.lookup("p", OWNER).page();
        try {
            return page.beans().get(COUNTER).get();
        } finally {
            node.leave(page);
        }
    }

    private GridBackend node() {
        Grid map = new MapGrid(shared);
        Grid slow = (Grid) Proxy.newProxyInstance(Grid.class.getClassLoader(), new Class<?>[] {Grid.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("replace") && args[0].equals("p")) {
                        Thread.sleep(2); // a round trip to the page's owner
                        if (!beans(args[1]).equals(beans(args[2]))) {
                            beanWrites.incrementAndGet();
                        }
                    }
                    return method.invoke(map, args);
                });
        GridBackend node = new GridBackend() { // just what it asks of CDI's bean manager
            @Override
            Contextual<?> bean(String beanId) {
                return COUNTER;
            }

            @Override
            <T> CreationalContext<T> creationalContext(Contextual<T> bean) {
                return new NoCreationalContext<>();
            }
        };
        Map<String, String> config = Map.of(NexConfig.STORE, "infinispan", NexConfig.PAGE_TTL, "PT1M");
        node.settings = NexSettings.load(key -> Optional.ofNullable(config.get(key)));
        node.lifecycle = new PageLifecycle();
        node.connect(slow, "v1");
        return node;
    }

    /** The counter's stored form in the record {@code encoded}. */
    private static String beans(Object encoded) {
        byte[] form = PageRecord.decode((String) encoded).beans().get("counter");
        return form == null ? "" : Base64.getEncoder().encodeToString(form);
    }

    /** A {@code @PageScoped} counter, as CDI's bean for it. */
    private static final class Counter implements Contextual<AtomicInteger>, PassivationCapable, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public AtomicInteger create(CreationalContext<AtomicInteger> creationalContext) {
            return new AtomicInteger();
        }

        @Override
        public void destroy(AtomicInteger instance, CreationalContext<AtomicInteger> creationalContext) {
        }

        @Override
        public String getId() {
            return "counter";
        }
    }
}
