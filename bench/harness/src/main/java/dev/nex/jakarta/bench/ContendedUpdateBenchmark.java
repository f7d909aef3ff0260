package dev.nex.jakarta.bench;

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
 * Parallel actions of one page updating the same key (htmx fires requests in parallel), against one shared
 * {@link ConcurrentHashMap#compute}. Run with several threads.
 */
public class ContendedUpdateBenchmark {

    /** One page, its id and owner, and the baseline map shared by all threads. */
    @State(Scope.Benchmark)
    public static class SharedPage {
        NexInWeld nex;
        String pageId;
        String owner = UUID.randomUUID().toString();
        final Map<String, Object> map = new ConcurrentHashMap<>();
        private PageBinding mount;

        @Setup(Level.Trial)
        public void start() {
            nex = new NexInWeld(Map.of());
            mount = BenchRequests.enterNewPage(nex.registry(), nex.ids(), owner);
            nex.store().put(StoreBenchmark.KEY, 0);
            pageId = mount.pageId();
            BenchRequests.exit(mount); // the full page is done; its actions now run on other threads
        }

        @TearDown(Level.Trial)
        public void stop() {
            nex.close();
        }
    }

    /** Each thread is an action request of the shared page, bound for the whole run. */
    @State(Scope.Thread)
    public static class Action {
        PageStore store;
        PageBinding request;

        @Setup(Level.Trial)
        public void enter(SharedPage page) {
            store = page.nex.store();
            request = BenchRequests.enterAction(page.nex.registry(), page.nex.ids(), page.pageId, page.owner);
        }

        @TearDown(Level.Trial)
        public void exit() {
            BenchRequests.exit(request);
        }
    }

    @Benchmark
    public Integer updateStore(Action action) {
        return action.store.update(StoreBenchmark.KEY, 0, n -> n + 1);
    }

    @Benchmark
    public Object updateMap(SharedPage page) {
        return page.map.compute(StoreBenchmark.KEY, (k, n) -> n == null ? 1 : (Integer) n + 1);
    }
}
