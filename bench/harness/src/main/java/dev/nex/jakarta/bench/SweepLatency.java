package dev.nex.jakarta.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.page.BenchRequests;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.page.PageIdCodec;

/**
 * The sweep (SPEC 6.2) over 1 000 000 expired pages, each of its own session with one entry: how long
 * {@link PageStateBackend#sweep()} takes, the very call the EJB timer makes, and the latency of requests to a live
 * page while it runs, against the same requests just before it. A request here is what the filter and an
 * action do: look the page up, count in, {@code update} one entry, count out.
 */
public final class SweepLatency {

    static final int PAGES = 1_000_000;
    static final int ROUNDS = 3;
    private static final long WINDOW_NANOS = 1_000_000_000L;

    public static void main(String[] args) throws InterruptedException {
        Results results = Results.of("sweep");
        Map<String, String> settings = Map.of("nex.page.ttl", "PT1S", "nex.page.max-total", String.valueOf(2 * PAGES));
        try (NexInWeld nex = new NexInWeld(settings)) {
            String[] owners = new String[PAGES];
            for (int i = 0; i < PAGES; i++) {
                owners[i] = UUID.randomUUID().toString();
            }
            double[] sweepMillis = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                fill(nex, owners);
                Thread.sleep(1_500); // every page is now idle for longer than its TTL
                Requests requests = new Requests(nex);
                requests.start();
                Thread.sleep(WINDOW_NANOS / 1_000_000);
                long start = System.nanoTime();
                int ended = nex.registry().sweep();
                long end = System.nanoTime();
                requests.stopAfter(end + WINDOW_NANOS);
                sweepMillis[round] = (end - start) / 1e6;
                String prefix = "sweep.round" + (round + 1);
                results.put(prefix + ".ended", ended);
                results.put(prefix + ".ms", sweepMillis[round]);
                requests.report(results, prefix + ".before", start - WINDOW_NANOS, start);
                requests.report(results, prefix + ".during", start, end);
                if (ended != PAGES || nex.registry().livePages() != 1) {
                    throw new IllegalStateException("The sweep ended " + ended + " of " + PAGES + " pages; "
                            + nex.registry().livePages() + " live");
                }
                requests.endPage();
            }
            Arrays.sort(sweepMillis);
            results.put("sweep.ms.median", sweepMillis[ROUNDS / 2]);
        }
        results.save();
    }

    private static void fill(NexInWeld nex, String[] owners) {
        PageStore store = nex.store();
        for (String owner : owners) {
            PageBinding request = BenchRequests.enterNewPage(nex.registry(), nex.ids(), owner);
            store.put("count", 1_000);
            BenchRequests.exit(request);
        }
    }

    /** Requests to one live page of its own session, back to back on a thread of their own, each timed. */
    private static final class Requests extends Thread {
        private final PageStateBackend registry;
        private final PageIdCodec ids;
        private final PageStore store;
        private final String owner = UUID.randomUUID().toString();
        private final String pageId;
        private final long[] starts = new long[20_000_000];
        private final long[] durations = new long[starts.length];
        private int count;
        private volatile long stopAt = Long.MAX_VALUE;

        Requests(NexInWeld nex) {
            super("requests");
            this.registry = nex.registry();
            this.ids = nex.ids();
            this.store = nex.store();
            PageBinding mount = BenchRequests.enterNewPage(registry, ids, owner);
            store.put("count", 0);
            pageId = mount.pageId();
            BenchRequests.exit(mount);
        }

        @Override
        public void run() {
            while (count < starts.length) {
                long start = System.nanoTime();
                if (start - stopAt > 0) {
                    break;
                }
                PageBinding request = BenchRequests.enterAction(registry, ids, pageId, owner);
                store.update("count", 0, n -> n + 1);
                BenchRequests.exit(request);
                starts[count] = start;
                durations[count++] = System.nanoTime() - start;
            }
        }

        void stopAfter(long nanos) throws InterruptedException {
            stopAt = nanos;
            join();
        }

        /** Latency percentiles (µs) and count of the requests that started in [from, to). */
        void report(Results results, String prefix, long from, long to) {
            long[] window = new long[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (starts[i] - from >= 0 && starts[i] - to < 0) {
                    window[n++] = durations[i];
                }
            }
            long[] sorted = Arrays.copyOf(window, n);
            Arrays.sort(sorted);
            results.put(prefix + ".requests", n);
            results.put(prefix + ".p50.us", percentile(sorted, 0.50));
            results.put(prefix + ".p99.us", percentile(sorted, 0.99));
            results.put(prefix + ".p999.us", percentile(sorted, 0.999));
            results.put(prefix + ".max.us", n == 0 ? Double.NaN : sorted[n - 1] / 1e3);
        }

        void endPage() {
            registry.endOwner(owner, PageEndReason.SESSION_ENDED);
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e3;
        }
    }
}
