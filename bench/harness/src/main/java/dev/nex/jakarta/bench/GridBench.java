package dev.nex.jakarta.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.bench.HttpBench.Load;
import dev.nex.jakarta.bench.HttpBench.Visit;
import dev.nex.jakarta.tck.cluster.ClusterNode;
import dev.nex.jakarta.tck.cluster.LoopbackCluster;
import dev.nex.jakarta.tck.cluster.PayaraCluster;
import dev.nex.jakarta.tck.cluster.WildFlyCluster;

/**
 * Page state on the data grid against the in-memory store, on one two-node cluster of one server (the TCK's
 * launchers: WildFly + Infinispan, Payara + Hazelcast), both WARs deployed side by side: htmx actions on node A
 * with wrk (alternating rounds), then the heap a page retains on each node.
 * Arguments: {@code wildfly|payara}, the nex bench WAR, the wrk script.
 */
public final class GridBench {

    private static final String CONFIG = "nex.layout=layout.jsp\nnex.page.max-per-session=100000\n";

    private GridBench() {
    }

    public static void main(String[] args) throws Exception {
        String server = args[0];
        boolean wildfly = server.equals("wildfly");
        Path war = Path.of(args[1]);
        // the memory WAR's own setting outranks the -Dnex.store=… the launcher gives both servers' JVMs
        WebArchive memory = variant(war, "nex-bench.war", CONFIG + "nex.store=memory\nconfig_ordinal=500\n");
        WebArchive grid = variant(war, "nex-grid-bench.war", CONFIG);
        // all requests go to node A: HTTP sessions stay local, so the figures are page state's own (replicated
        // sessions of WildFly 39 also hung under this load: docs/benchmarks.md)
        LoopbackCluster cluster = wildfly ? new WildFlyCluster() : new PayaraCluster();
        List<ClusterNode> nodes = cluster.withLocalSessions().start(List.of(memory, grid), "app/page");
        try {
            String stage = "grid-" + server;
            HttpBench onA = new HttpBench(origin(nodes.get(0)), Path.of(args[2]), stage);
            HttpBench onB = new HttpBench(origin(nodes.get(1)), Path.of(args[2]), stage);
            onA.results.put(stage + ".store", wildfly ? "infinispan" : "jcache");
            // pages first: after the load, sessions and grid bookkeeping still shrink for a while, and heap
            // differences taken then are mostly that
            pages(onA, onB, "/nex-bench", "memory");
            pages(onA, onB, "/nex-grid-bench", "grid");
            actions(onA);
            PushBench.acrossCluster(origin(nodes.get(0)), origin(nodes.get(1)), "/nex-grid-bench", onA.results,
                    stage);
            onA.results.save();
        } finally {
            nodes.forEach(ClusterNode::close);
        }
    }

    /** Pages one connection's requests go round in the spread loads: more than wrk's 8 connections. */
    private static final int SPREAD_PAGES = 64;

    private static void actions(HttpBench bench) throws Exception {
        Visit memoryPage = bench.visit("/nex-bench/app/page");
        Visit gridPage = bench.visit("/nex-grid-bench/app/page");
        Load memoryStore = bench.action("/nex-bench/app/store-counter/increment", memoryPage);
        Load gridStore = bench.action("/nex-grid-bench/app/store-counter/increment", gridPage);
        Load memoryBean = bench.action("/nex-bench/app/counter/increment", memoryPage);
        Load gridBean = bench.action("/nex-grid-bench/app/counter/increment", gridPage);
        List<String> memoryPages = pagesOf(bench, "/nex-bench", memoryPage);
        List<String> gridPages = pagesOf(bench, "/nex-grid-bench", gridPage);
        Load memoryStoreSpread = memoryStore.spreadOver(memoryPages);
        Load gridStoreSpread = gridStore.spreadOver(gridPages);
        Load memoryBeanSpread = memoryBean.spreadOver(memoryPages);
        Load gridBeanSpread = gridBean.spreadOver(gridPages);
        for (Load load : List.of(memoryStore, gridStore, memoryBean, gridBean)) {
            bench.check(load, "<span id=\"count\">1</span>");
        }
        List<Load> all = List.of(memoryStore, gridStore, memoryBean, gridBean, memoryStoreSpread, gridStoreSpread,
                memoryBeanSpread, gridBeanSpread);
        for (Load load : all) {
            bench.warm(load, 2 * bench.seconds); // JIT warm-up of every path
        }
        // one hot page: every connection on the same page (htmx's parallel requests, at their worst)
        bench.compare("store-action", gridStore, memoryStore);
        bench.compare("bean-action", gridBean, memoryBean);
        // the usual load: each request on a page of its own (many tabs, each sending now and then)
        bench.compare("store-action-spread", gridStoreSpread, memoryStoreSpread);
        bench.compare("bean-action-spread", gridBeanSpread, memoryBeanSpread);
        // on the grid too, bean requests of one page take turns (SPEC 5.6): no increment is lost
        for (Load load : List.of(gridStore, memoryStore, gridBean, memoryBean)) {
            bench.checkCounted(load);
        }
    }

    /** {@value #SPREAD_PAGES} more pages of {@code session}'s browser session. */
    private static List<String> pagesOf(HttpBench bench, String context, Visit session) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SPREAD_PAGES; i++) {
            ids.add(bench.visit(context + "/app/page", session.cookie()).pageId());
        }
        return ids;
    }

    /** Heap retained on each node per page holding one small entry, all pages opened on node A. */
    private static void pages(HttpBench onA, HttpBench onB, String context, String store) throws Exception {
        int count = Boolean.getBoolean("bench.quick") ? 300 : 5000;
        Visit session = onA.visit(context + "/app/page");
        openPages(onA, context, session, count / 10); // loads and compiles what a page needs, on both nodes
        long[] beforeA = onA.heap(context);
        long[] beforeB = onB.heap(context);
        openPages(onA, context, session, count);
        long[] afterA = onA.heap(context);
        long[] afterB = onB.heap(context);
        String prefix = onA.stage() + ".pages." + store;
        onA.results.put(prefix + ".live", afterA[1] - beforeA[1]);
        onA.results.put(prefix + ".a.bytesPerPage", (afterA[0] - beforeA[0]) / (double) count);
        onA.results.put(prefix + ".b.bytesPerPage", (afterB[0] - beforeB[0]) / (double) count);
    }

    private static void openPages(HttpBench bench, String context, Visit session, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Visit page = bench.visit(context + "/app/page", session.cookie());
            bench.check(bench.action(context + "/app/store-counter/increment", page), "<span id=\"count\">1</span>");
        }
    }

    /** The bench WAR under another name, with {@code config} as its MicroProfile Config. */
    private static WebArchive variant(Path war, String name, String config) {
        WebArchive copy = ShrinkWrap.create(ZipImporter.class, name).importFrom(war.toFile()).as(WebArchive.class);
        copy.delete("WEB-INF/classes/META-INF/microprofile-config.properties");
        return copy.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    private static String origin(ClusterNode node) {
        URI base = node.base();
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
