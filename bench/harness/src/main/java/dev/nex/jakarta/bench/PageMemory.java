package dev.nex.jakarta.bench;

import java.lang.ref.Reference;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.page.BenchRequests;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.page.PageIdCodec;

/**
 * Retained heap per live page: 100 000 full-page requests, each minting its id as the filter does, then either
 * storing one small entry, creating one {@code @PageScoped} bean, or storing nothing. Heap after full GCs is read
 * before and after; the difference over the page count is the cost of one page.
 * <p>
 * Every page has a session of its own, the worst case: the per-session index is then paid by each page. The
 * sessions' owner keys exist before the first reading, because the HTTP session would hold them anyway.
 */
public final class PageMemory {

    static final int PAGES = 100_000;

    public static void main(String[] args) {
        Results results = Results.of("memory");
        measure(results, "entry", nex -> {
            PageStore store = nex.store();
            return () -> store.put("count", 1_000); // a boxed Integer beyond the cache: 16 bytes of its own
        });
        measure(results, "bean", nex -> {
            Tally tally = nex.bean(ScopedTallies.PageTally.class);
            return tally::increment;
        });
        measure(results, "nothing", nex -> {
            PageStore store = nex.store();
            return () -> store.get("count", 0);
        });
        results.save();
    }

    /** Measures the page requests that {@code scenario} builds from the container. */
    private static void measure(Results results, String scenario, Function<NexInWeld, Runnable> scenarioWork) {
        Map<String, String> unbounded = Map.of("nex.page.max-total", String.valueOf(10 * PAGES),
                "nex.page.max-per-session", "1000");
        try (NexInWeld nex = new NexInWeld(unbounded, ScopedTallies.PageTally.class)) {
            PageStateBackend registry = nex.registry();
            PageIdCodec ids = nex.ids();
            Runnable work = scenarioWork.apply(nex);
            String[] owners = new String[PAGES];
            for (int i = 0; i < PAGES; i++) {
                owners[i] = UUID.randomUUID().toString();
            }
            warmUp(nex, work);
            long before = Heap.retained();
            for (int i = 0; i < PAGES; i++) {
                PageBinding request = BenchRequests.enterNewPage(registry, ids, owners[i]);
                work.run();
                BenchRequests.exit(request);
            }
            long after = Heap.retained();
            results.put("memory." + scenario + ".pages", registry.livePages());
            results.put("memory." + scenario + ".bytesPerPage", (after - before) / (double) PAGES);
            Reference.reachabilityFence(owners); // the sessions' keys count in neither reading
        }
    }

    /** Loads and compiles the paths once, on pages that end before the first reading. */
    private static void warmUp(NexInWeld nex, Runnable work) {
        String owner = UUID.randomUUID().toString();
        for (int i = 0; i < 1_000; i++) {
            PageBinding request = BenchRequests.enterNewPage(nex.registry(), nex.ids(), owner);
            work.run();
            BenchRequests.exit(request);
        }
        nex.registry().endOwner(owner, PageEndReason.SESSION_ENDED);
    }
}
