package dev.nex.jakarta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Writes the report of a run: the figures every stage saved, each ratio against the baseline measured in the
 * same run, and each target with its verdict. Argument: the markdown file to write.
 */
public final class ReportWriter {

    private final Results jmh = Results.load("jmh");
    private final Results memory = Results.load("memory");
    private final Results sweep = Results.load("sweep");
    private final Results http = Results.load("http");
    private final Results httpPayara = Results.load("http-payara");
    private final Results flood = Results.load("flood");
    private final Results floor = Results.load("floor");
    private final Results floorPayara = Results.load("floor-payara");
    /** GridBench's figures per server, in report order. */
    private final Map<String, Results> grids = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        ReportWriter report = new ReportWriter();
        Files.write(Path.of(args[0]), report.write());
    }

    private List<String> write() throws IOException {
        for (String server : List.of("wildfly", "payara")) {
            grids.put(server, Results.load("grid-" + server));
        }
        storeAndScopes();
        pageMemory();
        sweep();
        httpPairs(http, "http", "WildFly");
        httpPairs(httpPayara, "http-payara", "Payara");
        floors(floor, "floor", "WildFly");
        floors(floorPayara, "floor-payara", "Payara");
        getFlood();
        push();
        grid();
        List<String> out = new ArrayList<>();
        out.add("# Benchmark results");
        out.add("");
        out.add("The latest run of `bench/run.sh`, committed as it came out. How each figure is measured: "
                + "[docs/benchmarks.md](../docs/benchmarks.md). Ratios compare figures of this one run. "
                + "`bench/run.sh --flood` re-runs the GET flood alone (its section names its date), `--grid` the "
                + "data grid's clusters alone, `--push` push and `--floors` the floors; the other figures are then "
                + "those of the last full run.");
        out.add("");
        out.add("| | |");
        out.add("|---|---|");
        out.add("| written | " + LocalDate.now() + " |");
        out.add("| machine | " + machine() + " |");
        out.add("| JDK | " + jmh.text("jvm") + " (JMH forks, Weld SE runs and the server alike) |");
        out.add("| servers | " + http.text("http.server") + " and " + httpPayara.text("http-payara.server")
                + ", heap 2 GiB each; wrk 1 thread, 8 connections, on loopback |");
        out.add("");
        out.add("## Targets");
        out.add("");
        out.add("| figure | target | measured | |");
        out.add("|---|---|---|---|");
        out.addAll(targets);
        out.addAll(lines);
        return out;
    }

    private void storeAndScopes() {
        section("PageStore against ConcurrentHashMap (JMH, ns per operation)",
                "Each thread is a request bound to a page of its own, against a map of its own; \"contended\" is "
                        + "two threads updating one key of one page, against one shared map. A store call finds "
                        + "its page through one thread-local lookup, whose cost depends on the thread's other "
                        + "thread-locals: the crowded rows measure it on a thread holding as many as a server's "
                        + "request thread might.",
                "| operation | threads | PageStore | ConcurrentHashMap | ratio |", "|---|---|---|---|---|");
        for (String op : List.of("get", "put", "update")) {
            for (int threads = 1; threads <= 2; threads++) {
                String suffix = "." + threads + "t";
                storeRow(op, "StoreBenchmark." + op + "Store" + suffix, "StoreBenchmark." + op + "Map" + suffix,
                        threads, true);
            }
        }
        for (int threads = 1; threads <= 2; threads++) {
            String prefix = "StoreBenchmark.";
            String suffix = "." + threads + "t";
            storeRow("get, on a thread holding " + StoreBenchmark.CrowdedThreadPage.OTHER_THREAD_LOCALS
                    + " other thread-locals", prefix + "getStoreCrowdedThread" + suffix, prefix + "getMap" + suffix,
                    threads, false);
        }
        storeRow("update, contended", "ContendedUpdateBenchmark.updateStore.2t",
                "ContendedUpdateBenchmark.updateMap.2t", 2, true);
        section("Bean method call through the client proxy (JMH, Weld SE, ns per call)", null,
                "| scope | ns/call | against @ApplicationScoped |", "|---|---|---|");
        double application = jmh.number("ScopeBenchmark.applicationScoped.1t");
        for (String scope : List.of("pageScoped", "requestScoped", "applicationScoped")) {
            double ns = jmh.number("ScopeBenchmark." + scope + ".1t");
            lines.add("| @" + Character.toUpperCase(scope.charAt(0)) + scope.substring(1) + " | "
                    + withError(ns, jmh.number("ScopeBenchmark." + scope + ".1t.error")) + " | "
                    + ratio(ns / application) + " |");
        }
    }

    /** One store-against-map row; {@code isTarget}: also a line of the targets table. */
    private void storeRow(String op, String storeKey, String mapKey, int threads, boolean isTarget) {
        double store = jmh.number(storeKey);
        double map = jmh.number(mapKey);
        lines.add("| " + op + " | " + threads + " | " + withError(store, jmh.number(storeKey + ".error")) + " | "
                + withError(map, jmh.number(mapKey + ".error")) + " | " + ratio(store / map) + " |");
        if (isTarget) {
            target("PageStore " + op + ", " + threads + (threads == 1 ? " thread" : " threads")
                    + ", against ConcurrentHashMap", "≤ 1.5×", ratio(store / map), store / map, r -> r <= 1.5);
        }
    }

    private void pageMemory() {
        section("Retained heap per live page (100 000 pages, Weld SE)",
                "Heap after full GCs, before and after 100 000 full-page requests that each mint an id as the "
                        + "filter does; every page of a session of its own (the worst case for the session index).",
                "| each page | bytes per page | live pages after |", "|---|---|---|");
        String[][] scenarios = {{"entry", "stores one small entry (an Integer)"},
                {"bean", "creates one @PageScoped bean (an AtomicInteger field)"},
                {"nothing", "only reads the store"}};
        for (String[] scenario : scenarios) {
            lines.add("| " + scenario[1] + " | " + bytes(memory.number("memory." + scenario[0] + ".bytesPerPage"))
                    + " | " + count(memory.number("memory." + scenario[0] + ".pages")) + " |");
        }
        double entry = memory.number("memory.entry.bytesPerPage");
        target("Retained bytes per live page with one small entry", "≤ 512 B", bytes(entry), entry, b -> b <= 512);
    }

    private void sweep() {
        section("Sweep of 1 000 000 expired pages (Weld SE)",
                "`PageStateBackend.sweep()`, the call the EJB timer makes, over 1 000 000 idle pages of one entry each. "
                        + "Meanwhile another thread sends requests (look up, count in, `update`, count out) to a "
                        + "live page; latency in µs, during the sweep and in the second before it.",
                "| round | pages ended | sweep | p50 before / during | p99 before / during | p99.9 before / during "
                        + "| max before / during |", "|---|---|---|---|---|---|---|");
        for (int round = 1; round <= SweepLatency.ROUNDS; round++) {
            String p = "sweep.round" + round;
            lines.add("| " + round + " | " + count(sweep.number(p + ".ended")) + " | "
                    + millis(sweep.number(p + ".ms")) + " | " + beforeDuring(p, "p50") + " | "
                    + beforeDuring(p, "p99") + " | " + beforeDuring(p, "p999") + " | " + beforeDuring(p, "max") + " |");
        }
        lines.add("");
        lines.add("Round 1 runs on code the JIT has not compiled yet, like the first sweep after a deployment. The "
                + "maxima are garbage-collection pauses of a 6 GiB heap holding a million pages: they come before the "
                + "sweep as much as during it.");
        double median = sweep.number("sweep.ms.median");
        target("Sweep of 1 000 000 expired pages (median of " + SweepLatency.ROUNDS + ")", "< 1 s", millis(median),
                median, ms -> ms < 1000);
    }

    private void push() {
        Results wildfly = Results.load("push-wildfly");
        Results payara = Results.load("push-payara");
        section("Push (SPEC 12): streams, events per second, latency",
                "One server each, `PushBench`. Memory: the server's heap after full collections, for 1 000 pages "
                        + "that each hold one event sent while no stream was open, then for the same pages with "
                        + "their streams open and idle. Events: one action sends a burst of small events to its "
                        + "page as fast as it can, while the page's stream is read; the buffer (32) drops what the "
                        + "stream cannot take in time. Latency: one event at a time, 20 ms apart, from `send` "
                        + "to the line arriving at the client, on loopback. The cluster rows come from the grid stage's "
                        + "two-node clusters: the page and its stream on node A, the events sent through node B "
                        + "(across nodes) or through A (same node).",
                "| figure | WildFly | Payara |", "|---|---|---|");
        pushRow("heap per page holding one event", wildfly, payara, "bytes-per-page-with-an-event", ReportWriter::bytes);
        pushRow("heap per open idle stream", wildfly, payara, "bytes-per-idle-stream", ReportWriter::bytes);
        pushRow("events sent per second (one page's sender)", wildfly, payara, "sent-per-second", ReportWriter::count);
        pushRow("events delivered per second (its stream)", wildfly, payara, "delivered-per-second", ReportWriter::count);
        pushRow("latency, median (ms)", wildfly, payara, "latency-median-ms", value -> fixed(value, 2));
        pushRow("latency, p99 (ms)", wildfly, payara, "latency-p99-ms", value -> fixed(value, 2));
        Results gridWildfly = grids.get("wildfly");
        Results gridPayara = grids.get("payara");
        for (String where : List.of("same-node", "across-nodes")) {
            for (String percentile : List.of("median", "p99")) {
                String key = ".push-" + where + "-" + percentile + "-ms";
                lines.add("| two-node cluster, grid: latency " + where.replace('-', ' ') + ", " + percentile
                        + " (ms) | " + fixed(gridWildfly.number("grid-wildfly" + key), 2) + " | "
                        + fixed(gridPayara.number("grid-payara" + key), 2) + " |");
            }
        }
    }

    private void pushRow(String figure, Results wildfly, Results payara, String key,
            java.util.function.DoubleFunction<String> format) {
        lines.add("| " + figure + " | " + format.apply(wildfly.number(key)) + " | "
                + format.apply(payara.number(key)) + " |");
    }

    private String beforeDuring(String prefix, String percentile) {
        return fixed(sweep.number(prefix + ".before." + percentile + ".us"), 1) + " / "
                + fixed(sweep.number(prefix + ".during." + percentile + ".us"), 1);
    }

    private void httpPairs(Results figures, String stage, String server) {
        section("HTTP on " + server + " (wrk, requests per second, median of 3 alternating rounds)",
                "Same controllers and JSP views in both WARs; the plain WAR has no Nex (no filter, layout engine or "
                        + "script injection), renders the same markup itself and uses implicit CSRF too. Faces is "
                        + "the one " + server + " ships. " + figures.text(stage + ".server") + ".",
                "| A | B | A req/s | B req/s | A/B | A p50 / p99 ms | B p50 / p99 ms |",
                "|---|---|---|---|---|---|---|");
        HttpRows rows = new HttpRows(figures, stage, " (" + server + ")");
        rows.add("page", "Nex full page: layout, page id, script injection", "Krazo page, same view and markup",
                "Full-page GET against plain Krazo", "≥ 1.0×", r -> r >= 1.0);
        rows.add("page-without-layout", "Nex full page, same single view, no layout: page id, script injection",
                "Krazo page, same view and markup", null, null, null);
        rows.add("page-against-faces", "Nex full page: layout, page id, script injection",
                "Faces GET of the same page (counter and 20-row table)", "Full-page GET against a Faces GET",
                "≥ 1.0×", r -> r >= 1.0);
        rows.add("action", "Nex htmx action (@PageScoped counter)", "Krazo POST (@SessionScoped counter)",
                "htmx action against a plain Krazo POST", "≥ 0.9×", r -> r >= 0.9);
        rows.add("counter", "Nex htmx action (@PageScoped counter)", "Faces @ViewScoped ajax counter",
                "Counter action against Faces @ViewScoped", "≥ 3×", r -> r >= 3);
        rows.add("counter-beside-table", "Nex htmx action (@PageScoped counter)",
                "Faces @ViewScoped ajax counter on a page with the same 20-row table",
                "Counter action against Faces @ViewScoped, beside a 20-row table", "≥ 1.0×", r -> r >= 1.0);
        rows.add("validated-form", "Nex htmx action with a @Valid two-field form (email, name), valid",
                "the same action and form without constraints", null, null, null);
        // the speed issue's aims beside the older ones (docs/benchmarks.md, Against the floor)
        rows.target("counter", "Counter action against Faces @ViewScoped, speed aim", "≥ 1.2×", r -> r >= 1.2);
        rows.target("page-against-faces", "Full-page GET against a Faces GET, speed aim", "≥ 1.2×",
                r -> r >= 1.2);
    }

    private void floors(Results figures, String stage, String server) {
        section("Against the floor on " + server + " (wrk, requests per second, median of 3 alternating rounds)",
                "The same counter and fragment with nothing of Nex or Jakarta MVC, in floor-bench.war (no Krazo, "
                        + "no Nex): a plain JAX-RS resource returning it as a String, and a bare servlet writing it; "
                        + "each increments a @SessionScoped counter. The last rows are that resource beside Krazo in "
                        + "plain-bench.war, and beside Krazo and Nex in nex-bench.war (its counter there the page's), "
                        + "against it alone. " + figures.text(stage + ".server") + ".",
                "| A | B | A req/s | B req/s | A/B | A p50 / p99 ms | B p50 / p99 ms |",
                "|---|---|---|---|---|---|---|");
        String jaxrs = "plain JAX-RS resource (floor-bench.war)";
        String servlet = "bare servlet (floor-bench.war)";
        HttpRows rows = new HttpRows(figures, stage, " (" + server + ")");
        rows.add("action-against-jaxrs", "Nex htmx action (@PageScoped counter)", jaxrs,
                "htmx action against plain JAX-RS", "≥ 0.4×", r -> r >= 0.4);
        rows.add("action-against-servlet", "Nex htmx action (@PageScoped counter)", servlet, null, null, null);
        rows.add("page-against-jaxrs", "Nex full page: layout, page id, script injection", jaxrs, null, null, null);
        rows.add("page-against-servlet", "Nex full page: layout, page id, script injection", servlet, null, null,
                null);
        rows.add("jaxrs-beside-krazo", "the same JAX-RS resource beside Krazo (plain-bench.war)", jaxrs, null, null,
                null);
        rows.add("jaxrs-beside-nex", "the same JAX-RS resource beside Krazo and Nex (nex-bench.war)", jaxrs, null,
                null, null);
    }

    /** The A/B rows of one server's stage. */
    private final class HttpRows {
        private final Results figures;
        private final String stage;
        private final String server;

        HttpRows(Results figures, String stage, String server) {
            this.figures = figures;
            this.stage = stage;
            this.server = server;
        }

        /** One A/B pair; {@code figure} {@code null} for a pair that is a reference, not a target. */
        void add(String pair, String a, String b, String figure, String goal, DoublePredicate met) {
            String p = stage + "." + pair;
            double ratio = figures.number(p + ".ratio");
            lines.add("| " + a + " | " + b + " | " + count(figures.number(p + ".a.rps")) + " | "
                    + count(figures.number(p + ".b.rps")) + " | " + ratio(ratio) + " | " + latency(p + ".a") + " | "
                    + latency(p + ".b") + " |");
            if (figure != null) {
                target(pair, figure, goal, met);
            }
        }

        /** A target for the ratio of a pair. */
        void target(String pair, String figure, String goal, DoublePredicate met) {
            double ratio = figures.number(stage + "." + pair + ".ratio");
            ReportWriter.this.target(figure + server, goal, ratio(ratio), ratio, met);
        }

        private String latency(String prefix) {
            return fixed(figures.number(prefix + ".p50.ms"), 2) + " / "
                    + fixed(figures.number(prefix + ".p99.ms"), 2);
        }
    }

    private void getFlood() {
        section("GET flood: 100 000 full pages that store nothing (on the server)",
                "Server heap after full GCs before and after, per GET, and HTTP sessions the application opened; "
                        + "with one browser's cookies, and from clients without cookies. Plain Krazo keeps Jakarta "
                        + "MVC's CSRF token in the HTTP session (its default), so each cookie-less GET opens one; "
                        + "Nex keeps it in the browser (docs/security.md). Both apps' JSPs say `session=\"false\"`. "
                        + "Measured " + flood.text("flood.date") + " on " + flood.text("flood.server") + ".",
                "| application | cookies | retained bytes per GET | sessions opened | live pages added |",
                "|---|---|---|---|---|");
        for (String app : List.of("nex", "plain")) {
            for (String cookies : List.of("session", "cookieless")) {
                String p = "flood." + app + "." + cookies;
                lines.add("| " + (app.equals("nex") ? "Nex" : "plain Krazo") + " | "
                        + (cookies.equals("session") ? "one browser's" : "none") + " | "
                        + fixed(flood.number(p + ".bytesPerGet"), 1) + " B | "
                        + count(flood.number(p + ".sessionsAdded")) + " | "
                        + (app.equals("nex") ? count(flood.number(p + ".pagesAdded")) : "–") + " |");
            }
        }
        double session = flood.number("flood.nex.session.bytesPerGet");
        double pages = flood.number("flood.nex.session.pagesAdded");
        target("GET flood: page state retained (live pages added; bytes per GET, one browser)", "0 B",
                count(pages) + " pages; " + fixed(session, 1) + " B", pages, p -> p == 0);
        double sessions = flood.number("flood.nex.cookieless.sessionsAdded");
        target("GET flood without cookies: HTTP sessions opened (bytes per GET)", "0",
                count(sessions) + " sessions; " + fixed(flood.number("flood.nex.cookieless.bytesPerGet"), 1) + " B",
                sessions, n -> n == 0);
    }

    private void grid() {
        section("Page state on the data grid (two-node clusters on loopback, wrk on node A)",
                "The same bench WAR twice on one cluster: `nex.store` on the server's grid (WildFly: a distributed "
                        + "Infinispan cache, two owners; Payara: Hazelcast's JCache, one backup) against the in-memory "
                        + "store. Each action is an htmx POST with 8 connections, either all on one hot page or each "
                        + "request on another of 64 pages of one session (\"spread\", the usual load: many tabs). On the "
                        + "grid every write is a compare-and-set replicated to the other node, and requests that use a "
                        + "page's @PageScoped beans take turns across the cluster (SPEC 5.6): every counter, bean or "
                        + "store, is checked to have counted every answer.",
                "| server | action | grid req/s | memory req/s | grid/memory | grid p50 / p99 ms | memory p50 / p99 ms |",
                "|---|---|---|---|---|---|---|");
        grids.forEach((server, figures) -> {
            for (String action : List.of("store-action", "bean-action", "store-action-spread",
                    "bean-action-spread")) {
                String p = "grid-" + server + "." + action;
                lines.add("| " + server + " (" + figures.text("grid-" + server + ".store") + ") | "
                        + (action.startsWith("store") ? "`PageStore.update` counter" : "`@PageScoped` counter")
                        + (action.endsWith("spread") ? ", 64 pages" : ", one page")
                        + " | " + count(figures.number(p + ".a.rps")) + " | " + count(figures.number(p + ".b.rps"))
                        + " | " + ratio(figures.number(p + ".ratio")) + " | "
                        + fixed(figures.number(p + ".a.p50.ms"), 2) + " / " + fixed(figures.number(p + ".a.p99.ms"), 2)
                        + " | " + fixed(figures.number(p + ".b.p50.ms"), 2) + " / "
                        + fixed(figures.number(p + ".b.p99.ms"), 2) + " |");
            }
        });
        lines.add("");
        lines.add("Heap retained per page with one small entry (server heap after full GCs, pages opened on node A):");
        lines.add("");
        lines.add("| server | store | node A | node B | pages live |");
        lines.add("|---|---|---|---|---|");
        grids.forEach((server, figures) -> {
            for (String store : List.of("memory", "grid")) {
                String p = "grid-" + server + ".pages." + store;
                lines.add("| " + server + " | " + store + " | " + bytes(figures.number(p + ".a.bytesPerPage")) + " | "
                        + bytes(figures.number(p + ".b.bytesPerPage")) + " | " + count(figures.number(p + ".live"))
                        + " |");
            }
        });
    }

    private void section(String title, String text, String... header) {
        lines.add("");
        lines.add("## " + title);
        lines.add("");
        if (text != null) {
            lines.add(text);
            lines.add("");
        }
        lines.addAll(List.of(header));
    }

    private void target(String figure, String goal, String measured, double value, DoublePredicate met) {
        String verdict = Double.isNaN(value) ? "not measured" : met.test(value) ? "met" : "**missed**";
        targets.add("| " + figure + " | " + goal + " | " + measured + " | " + verdict + " |");
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long gib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + gib + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String withError(double value, double error) {
        return Double.isNaN(error) || error == 0 ? fixed(value, 1) : fixed(value, 1) + " ± " + fixed(error, 1);
    }

    private static String ratio(double value) {
        return fixed(value, 2) + "×";
    }

    private static String bytes(double value) {
        return fixed(value, 0) + " B";
    }

    private static String millis(double value) {
        return fixed(value, 0) + " ms";
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
