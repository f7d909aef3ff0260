package dev.nex.jakarta.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before → after of Nex's own changes, in one run on one server (bench/compare.sh): the benchmark WAR built at
 * several git revisions, deployed side by side as {@code /nex-v0}, {@code /nex-v1}, …; each revision's full page
 * and htmx action against the previous revision's, alternating round after round like every A/B pair here.
 * Arguments: the server's base URL, the wrk script, the server's name, the markdown file to write, then one label
 * per revision, oldest first.
 */
public final class CompareBench {

    private CompareBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpBench bench = new HttpBench(args[0], Path.of(args[1]), "compare");
        String server = args[2];
        Path report = Path.of(args[3]);
        List<String> labels = List.of(args).subList(4, args.length);
        List<HttpBench.Load> pages = new ArrayList<>();
        List<HttpBench.Load> actions = new ArrayList<>();
        for (int v = 0; v < labels.size(); v++) {
            String context = "/nex-v" + v;
            HttpBench.Visit page = bench.visit(context + "/app/page");
            HttpBench.Load get = new HttpBench.Load("GET", args[0] + context + "/app/page", null,
                    Map.of("Cookie", page.cookie()), null);
            HttpBench.Load action = bench.action(context + "/app/counter/increment", page);
            bench.check(get, "data-nex-page=");
            bench.check(action, "<span id=\"count\">1</span>");
            pages.add(get);
            actions.add(action);
        }
        for (int v = 0; v < labels.size(); v++) {
            bench.warm(pages.get(v), 3 * bench.seconds);
            bench.warm(actions.get(v), 3 * bench.seconds);
        }
        List<String> lines = new ArrayList<>(List.of(
                "| change (before → after) | request | before req/s | after req/s | after/before |",
                "|---|---|---|---|---|"));
        for (int v = 1; v < labels.size(); v++) {
            for (String kind : List.of("page", "action")) {
                List<HttpBench.Load> loads = kind.equals("page") ? pages : actions;
                String pair = kind + ".v" + v;
                bench.compare(pair, loads.get(v), loads.get(v - 1));
                lines.add("| " + labels.get(v - 1) + " → " + labels.get(v) + " | " + kind + " | "
                        + Math.round(bench.results.number("compare." + pair + ".b.rps")) + " | "
                        + Math.round(bench.results.number("compare." + pair + ".a.rps")) + " | "
                        + String.format("%.2f×", bench.results.number("compare." + pair + ".ratio")) + " |");
            }
        }
        for (HttpBench.Load action : actions) {
            bench.checkCounted(action);
        }
        bench.results.save();
        lines.add("");
        lines.add(server + ", " + java.time.LocalDate.now() + ": " + bench.seconds + " s rounds, medians of 3.");
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }
}
