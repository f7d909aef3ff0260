package dev.nex.jakarta.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.page.BenchRequests;
import dev.nex.jakarta.impl.state.PageBinding;

/**
 * {@link PageStore} get / put / update against a {@link ConcurrentHashMap} doing the same. Each benchmark thread is
 * a request of its own page (bound for the whole run), and has a map of its own: with 2 threads, two pages
 * working side by side, which is what parallel tabs do.
 */
public class StoreBenchmark {

    static final String KEY = "count";

    /** One nex-impl for the fork. */
    @State(Scope.Benchmark)
    public static class Nex {
        NexInWeld nex;

        @Setup(Level.Trial)
        public void start() {
            nex = new NexInWeld(Map.of());
        }

        @TearDown(Level.Trial)
        public void stop() {
            nex.close();
        }
    }

    /** The thread's page, holding {@link #KEY}, and its baseline map holding the same. */
    @State(Scope.Thread)
    public static class Page {
        PageStore store;
        PageBinding request;
        final Map<String, Object> map = new ConcurrentHashMap<>();
        final Integer[] values = {1, 2, 3, 4, 5, 6, 7, 8};
        int next;

        @Setup(Level.Trial)
        public void open(Nex nex) {
            crowd();
            store = nex.nex.store();
            request = BenchRequests.enterNewPage(nex.nex.registry(), nex.nex.ids(), UUID.randomUUID().toString());
            store.put(KEY, 0);
            map.put(KEY, 0);
        }

        @TearDown(Level.Trial)
        public void close() {
            BenchRequests.exit(request);
        }

        Integer nextValue() {
            return values[next++ & 7];
        }

        /** What the thread holds before the page is bound: here nothing but JMH's and Weld's thread-locals. */
        void crowd() {
        }
    }

    /**
     * The same page on a thread that, like a server's request thread, already holds many other thread-locals
     * (Weld, RESTEasy, Undertow, EL): the page binding's own lookup may then miss its first slot and probe on.
     */
    @State(Scope.Thread)
    public static class CrowdedThreadPage extends Page {
        static final int OTHER_THREAD_LOCALS = 32;
        private final List<ThreadLocal<Integer>> others = new ArrayList<>();

        @Override
        void crowd() {
            for (int i = 0; i < OTHER_THREAD_LOCALS; i++) {
                ThreadLocal<Integer> other = new ThreadLocal<>();
                other.set(i);
                others.add(other);
            }
        }
    }

    @Benchmark
    public Object getStore(Page page) {
        return page.store.get(KEY, 0);
    }

    @Benchmark
    public Object getStoreCrowdedThread(CrowdedThreadPage page) {
        return page.store.get(KEY, 0);
    }

    @Benchmark
    public Object getMap(Page page) {
        return page.map.getOrDefault(KEY, 0);
    }

    @Benchmark
    public void putStore(Page page) {
        page.store.put(KEY, page.nextValue());
    }

    @Benchmark
    public Object putMap(Page page) {
        return page.map.put(KEY, page.nextValue());
    }

    @Benchmark
    public Integer updateStore(Page page) {
        return page.store.update(KEY, 0, n -> n + 1);
    }

    @Benchmark
    public Object updateMap(Page page) {
        return page.map.compute(KEY, (k, n) -> n == null ? 1 : (Integer) n + 1);
    }
}
