package dev.nex.jakarta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP on loopback against one server (started by bench/run.sh with nex-bench.war and plain-bench.war deployed):
 * six A/B pairs measured with wrk, alternating A and B round after round so that drift of a noisy machine hits
 * both alike, then (stage {@code http}, WildFly) the GET flood whose retained heap the server reports.
 * <p>
 * Every request kind is first checked once by hand (status and body), so wrk never measures an error page.
 * Arguments: the server's base URL, the wrk script, the server's name for the report, and the stage the figures
 * go to ({@code http} or {@code http-payara}).
 */
public final class HttpBench {

    private static final int ROUNDS = 3;
    private static final int FLOOD = 100_000;
    /** A valid signup: the validated action runs every constraint and finds no violation. */
    private static final String SIGNUP_FORM = "email=ada%40example.org&name=Ada";
    static final Pattern KRAZO_COUNT = Pattern.compile("<span id=\"count\">(\\d+)</span>");
    private static final Pattern FACES_COUNT = Pattern.compile("<span id=\"form:count\">(\\d+)</span>");

    private final String base;
    private final Path script;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String stage;
    final Results results;
    private final Results floods = Results.of("flood");
    final int seconds = Boolean.getBoolean("bench.quick") ? 3 : 10;
    /** Responses wrk counted per load, over the whole run. */
    private final Map<Load, Long> answered = new HashMap<>();

    String stage() {
        return stage;
    }

    /** Measures against the server at {@code base}; figures go to stage {@code stage}, keys prefixed with it. */
    HttpBench(String base, Path script, String stage) {
        this.base = base;
        this.script = script;
        this.stage = stage;
        this.results = Results.of(stage);
    }

    public static void main(String[] args) throws Exception {
        HttpBench bench = new HttpBench(args[0], Path.of(args[1]), args[3]);
        bench.results.put(bench.stage + ".server", args[2]);
        if ("flood".equals(System.getProperty("bench.only"))) {
            bench.floods(bench.visit("/nex-bench/app/page"), bench.visit("/plain-bench/app/page"));
        } else if (bench.stage.startsWith("floor")) {
            bench.floors();
        } else {
            bench.run();
        }
    }

    private void run() throws Exception {
        Visit nexPage = visit("/nex-bench/app/page");
        Visit plainPage = visit("/plain-bench/app/page");
        Visit facesPage = visit("/plain-bench/counter.xhtml");
        Visit facesTablePage = visit("/plain-bench/table-counter.xhtml");

        Load nexGet = new Load("GET", base + "/nex-bench/app/page", null, Map.of("Cookie", nexPage.cookie), null);
        Load nexWholeGet = new Load("GET", base + "/nex-bench/app/whole-page", null,
                Map.of("Cookie", nexPage.cookie), null);
        Load plainGet = new Load("GET", base + "/plain-bench/app/page", null, Map.of("Cookie", plainPage.cookie),
                null);
        Load nexAction = action("/nex-bench/app/counter/increment", nexPage);
        Load validatedForm = action("/nex-bench/app/signup/validated", nexPage, SIGNUP_FORM);
        Load unvalidatedForm = action("/nex-bench/app/signup/unvalidated", nexPage, SIGNUP_FORM);
        Load plainAction = new Load("POST", base + "/plain-bench/app/counter/increment", "", Map.of(
                "Cookie", plainPage.cookie, "HX-Request", "true",
                "X-CSRF-TOKEN", plainPage.match("\"X-CSRF-TOKEN\": \"([^\"]+)\""),
                "Content-Type", "application/x-www-form-urlencoded"), KRAZO_COUNT);
        // a session of its own: every Faces GET adds a view to its session, and Faces keeps only the latest few,
        // which would expire the view the postbacks above belong to
        Visit facesGetPage = visit("/plain-bench/table-counter.xhtml");
        Load facesGet = new Load("GET", base + "/plain-bench/table-counter.xhtml", null,
                Map.of("Cookie", facesGetPage.cookie), null);
        Load facesAction = new Load("POST", base + "/plain-bench/counter.xhtml", facesAjaxBody(facesPage), Map.of(
                "Cookie", facesPage.cookie, "Faces-Request", "partial/ajax",
                "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"), FACES_COUNT);
        Load facesTableAction = new Load("POST", base + "/plain-bench/table-counter.xhtml",
                facesAjaxBody(facesTablePage), Map.of("Cookie", facesTablePage.cookie, "Faces-Request", "partial/ajax",
                        "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"), FACES_COUNT);

        check(nexGet, "data-nex-page=");
        check(nexWholeGet, "data-nex-page=");
        check(plainGet, "<td>Item 20</td>");
        check(nexAction, "<span id=\"count\">1</span>");
        check(validatedForm, "<span id=\"count\">1</span>");
        check(unvalidatedForm, "<span id=\"count\">1</span>");
        check(plainAction, "<span id=\"count\">1</span>");
        check(facesGet, "<td>Item 20</td>");
        check(facesAction, "<span id=\"form:count\">1</span>");
        check(facesTableAction, "<span id=\"form:count\">1</span>");

        for (Load load : List.of(nexGet, nexWholeGet, plainGet, facesGet, nexAction, plainAction, facesAction,
                facesTableAction, validatedForm, unvalidatedForm)) {
            wrk(load, 3 * seconds); // WildFly, Weld, RESTEasy and Faces compile their hot paths here
        }
        compare("page", nexGet, plainGet);
        compare("page-without-layout", nexWholeGet, plainGet);
        compare("page-against-faces", nexGet, facesGet);
        compare("action", nexAction, plainAction);
        compare("counter", nexAction, facesAction);
        compare("counter-beside-table", nexAction, facesTableAction);
        compare("validated-form", validatedForm, unvalidatedForm);
        for (Load counted : List.of(nexAction, plainAction, facesAction, facesTableAction, validatedForm,
                unvalidatedForm)) {
            checkCounted(counted);
        }

        results.save();
        if (stage.equals("http")) {
            floods(nexPage, plainPage);
        }
    }

    /**
     * The floors (stages {@code floor} and {@code floor-payara}): the Nex action and full page against the same
     * counter and fragment as a plain JAX-RS resource and as a bare servlet in floor-bench.war, which has neither
     * Nex nor Krazo; and that resource beside Krazo in plain-bench.war, and beside Krazo and Nex in nex-bench.war
     * (where its counter is the page's), against it alone: what the filters of Krazo, and of Krazo with Nex's cuts
     * and Nex's own, cost every request of an application. Each floor counts in a session (or page) of its own.
     */
    private void floors() throws Exception {
        Visit nexPage = visit("/nex-bench/app/page");
        Load nexGet = new Load("GET", base + "/nex-bench/app/page", null, Map.of("Cookie", nexPage.cookie), null);
        Load nexAction = action("/nex-bench/app/counter/increment", nexPage);
        Load jaxrs = floor("/floor-bench/app/floor/counter");
        Load servlet = floor("/floor-bench/floor/counter");
        Load jaxrsBesideKrazo = floor("/plain-bench/app/floor/counter");
        Load jaxrsBesideNex = action("/nex-bench/app/floor/counter", visit("/nex-bench/app/page"));
        List<Load> counted = List.of(nexAction, jaxrs, servlet, jaxrsBesideKrazo, jaxrsBesideNex);
        check(nexGet, "data-nex-page=");
        for (Load load : counted) {
            check(load, "<span id=\"count\">"); // the floors' first POST, which opened their session, counted too
        }
        for (Load load : List.of(nexGet, nexAction, jaxrs, servlet, jaxrsBesideKrazo, jaxrsBesideNex)) {
            wrk(load, 3 * seconds);
        }
        compare("action-against-jaxrs", nexAction, jaxrs);
        compare("action-against-servlet", nexAction, servlet);
        compare("page-against-jaxrs", nexGet, jaxrs);
        compare("page-against-servlet", nexGet, servlet);
        compare("jaxrs-beside-krazo", jaxrsBesideKrazo, jaxrs);
        compare("jaxrs-beside-nex", jaxrsBesideNex, jaxrs);
        for (Load load : counted) {
            checkCounted(load);
        }
        results.save();
    }

    /** The GET floods, a stage of their own ({@code bench/run.sh --flood} runs only these). */
    private void floods(Visit nexPage, Visit plainPage) throws Exception {
        floods.put("flood.server", results.text(stage + ".server"));
        floods.put("flood.date", java.time.LocalDate.now().toString());
        flood("flood.nex.session", "/nex-bench", nexPage.cookie);
        flood("flood.plain.session", "/plain-bench", plainPage.cookie);
        flood("flood.nex.cookieless", "/nex-bench", null);
        flood("flood.plain.cookieless", "/plain-bench", null);
        floods.save();
    }

    /** A full page load, as a browser's first visit: its session cookie, page id header and body. */
    record Visit(String cookie, HttpResponse<String> response) {
        String pageId() {
            return response.headers().firstValue("X-Nex-Page-Id").orElseThrow();
        }

        String match(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(response.body());
            if (!matcher.find()) {
                throw new IllegalStateException("No " + regex + " in " + response.uri());
            }
            return matcher.group(1);
        }
    }

    Visit visit(String path) throws IOException, InterruptedException {
        return visit(path, null);
    }

    /** A full page load; with {@code cookie}, in that browser session (its cookie is then the same). */
    Visit visit(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return new Visit(cookie != null ? cookie : cookiesSetBy(response), response);
    }

    /** Every cookie a response sets, as one Cookie header (a clustered Payara sets JSESSIONIDVERSION too). */
    private static String cookiesSetBy(HttpResponse<?> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream()
                .map(setCookie -> setCookie.split(";", 2)[0]).toList());
    }

    private static String facesAjaxBody(Visit page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "form:increment");
        form.put("jakarta.faces.partial.execute", "form:increment");
        form.put("jakarta.faces.partial.render", "form:count");
        form.put("jakarta.faces.behavior.event", "action");
        form.put("form", "form");
        form.put("form:increment", "form:increment");
        form.put("jakarta.faces.ViewState", page.match("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return String.join("&", pairs);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One kind of request for wrk to repeat. {@code counter} (may be {@code null}) finds the count in the answer
     * of a counter action, so that afterwards every request wrk counted can be shown to have incremented it.
     */
    record Load(String method, String url, String body, Map<String, String> headers, Pattern counter,
                List<String> pageIds) {
        Load(String method, String url, String body, Map<String, String> headers, Pattern counter) {
            this(method, url, body, headers, counter, List.of());
        }

        /** The same action, sent by wrk round {@code ids}, pages of the same session: one page per request. */
        Load spreadOver(List<String> ids) {
            return new Load(method, url, body, headers, counter, List.copyOf(ids));
        }

        HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            return builder.build();
        }
    }

    /** An htmx POST to {@code path} from the live page {@code page}, as its page script sends it. */
    Load action(String path, Visit page) {
        return action(path, page, "");
    }

    /** An htmx POST of the urlencoded {@code form} to {@code path} from the live page {@code page}. */
    Load action(String path, Visit page, String form) {
        return new Load("POST", base + path, form, Map.of("Cookie", page.cookie, "HX-Request", "true",
                "X-Nex-Page-Id", page.pageId(), "X-CSRF-TOKEN", page.match("data-nex-csrf=\"([^\"]+)\""),
                "Content-Type", "application/x-www-form-urlencoded"), KRAZO_COUNT);
    }

    /** A POST of the counter to a floor at {@code path}, in a session of its own (opened by a first POST). */
    private Load floor(String path) throws IOException, InterruptedException {
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new Load("POST", base + path, "", Map.of("Cookie", cookiesSetBy(first),
                "HX-Request", "true", "Content-Type", "application/x-www-form-urlencoded"), KRAZO_COUNT);
    }

    void check(Load load, String expected) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(load.request(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        boolean onePage = body.indexOf("<html") == body.lastIndexOf("<html"); // a layout around a whole page: no
        if (response.statusCode() != 200 || !body.contains(expected) || !onePage) {
            throw new IllegalStateException(load.method + " " + load.url + " answered " + response.statusCode()
                    + " without " + expected + ":\n" + response.body());
        }
    }

    /**
     * Every answer wrk counted for a counter action did increment the counter: the count now is at least all of
     * them plus the two checks (more if wrk stopped with requests in flight). An error page or a Faces error in a
     * 200 partial response would not have.
     */
    void checkCounted(Load load) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(load.request(), HttpResponse.BodyHandlers.ofString());
        Matcher count = load.counter.matcher(response.body());
        long expected = answered.getOrDefault(load, 0L) + 2;
        if (!count.find() || Long.parseLong(count.group(1)) < expected) {
            throw new IllegalStateException(load.url + " counted fewer than the " + expected + " answers wrk saw:\n"
                    + response.body());
        }
        results.put(stage + ".counted." + load.url.substring(base.length()), Long.parseLong(count.group(1)));
    }

    /** {@value #ROUNDS} rounds of A then B; medians and the ratio A/B of requests/s. */
    void compare(String pair, Load a, Load b) throws IOException, InterruptedException {
        double[][] rps = new double[2][ROUNDS];
        double[][] p50 = new double[2][ROUNDS];
        double[][] p99 = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            Load[] both = {a, b};
            for (int side = 0; side < 2; side++) {
                Properties figures = wrk(both[side], seconds);
                rps[side][round] = Double.parseDouble(figures.getProperty("requests"))
                        / Double.parseDouble(figures.getProperty("seconds"));
                p50[side][round] = Double.parseDouble(figures.getProperty("p50_us")) / 1e3;
                p99[side][round] = Double.parseDouble(figures.getProperty("p99_us")) / 1e3;
                results.put(stage + "." + pair + (side == 0 ? ".a" : ".b") + ".round" + (round + 1) + ".rps",
                        rps[side][round]);
            }
        }
        for (int side = 0; side < 2; side++) {
            String prefix = stage + "." + pair + (side == 0 ? ".a" : ".b");
            results.put(prefix + ".rps", median(rps[side]));
            results.put(prefix + ".p50.ms", median(p50[side]));
            results.put(prefix + ".p99.ms", median(p99[side]));
        }
        results.put(stage + "." + pair + ".ratio", median(rps[0]) / median(rps[1]));
    }

    /** Runs wrk (1 thread, 8 connections) and returns what the script's done() printed. */
    Properties wrk(Load load, int duration) throws IOException, InterruptedException {
        return wrk(load, duration, false);
    }

    /**
     * A warm-up: like {@link #wrk(Load, int)}, but a request that outlasts wrk's 2 s timeout while the servers
     * compile their hot paths is tolerated (an error response is not).
     */
    void warm(Load load, int duration) throws IOException, InterruptedException {
        wrk(load, duration, true);
    }

    private Properties wrk(Load load, int duration, boolean warmUp) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder("wrk", "-t1", "-c8", "-d" + duration + "s", "-s",
                script.toString(), load.url).redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.put("BENCH_METHOD", load.method);
        if (load.body != null) {
            env.put("BENCH_BODY", load.body);
        }
        StringBuilder headers = new StringBuilder();
        load.headers.forEach((name, value) -> headers.append(name).append(": ").append(value).append('\n'));
        env.put("BENCH_HEADERS", headers.toString());
        if (!load.pageIds.isEmpty()) {
            env.put("BENCH_PAGE_IDS", String.join(",", load.pageIds));
        }
        Process wrk = process.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Properties figures = new Properties();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.contains(" ")) {
                figures.setProperty(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        boolean socketErrors = !"0".equals(figures.getProperty("socket_errors"));
        if (!"0".equals(figures.getProperty("status_errors")) || socketErrors && !warmUp) {
            throw new IllegalStateException("Errors under load on " + load.url + ":\n" + output);
        }
        answered.merge(load, Long.parseLong(figures.getProperty("requests")), Long::sum);
        return figures;
    }

    /**
     * {@value #FLOOD} full GETs that store nothing, from 4 threads, with the session cookie of one browser or
     * (cookie {@code null}) from clients without cookies; retained heap per GET, live pages and sessions added.
     */
    private void flood(String prefix, String context, String cookie) throws Exception {
        long[] before = heap(context);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + context + "/app/page"));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        HttpRequest get = builder.build();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            work.add(threads.submit(() -> {
                for (int i = 0; i < FLOOD / 4; i++) {
                    try {
                        if (client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        threads.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures + " GETs of " + context + " failed");
        }
        long[] after = heap(context);
        floods.put(prefix + ".bytesPerGet", (after[0] - before[0]) / (double) FLOOD);
        floods.put(prefix + ".pagesAdded", after[1] - before[1]);
        floods.put(prefix + ".sessionsAdded", after[2] - before[2]);
    }

    /** Retained heap, live pages and sessions created, as the application's heap resource reports them. */
    long[] heap(String context) throws IOException, InterruptedException {
        String body = client.send(HttpRequest.newBuilder(URI.create(base + context + "/app/heap")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Properties figures = new Properties();
        figures.load(new java.io.StringReader(body));
        return new long[] {Long.parseLong(figures.getProperty("used")), Long.parseLong(figures.getProperty("livePages")),
                Long.parseLong(figures.getProperty("sessionsCreated"))};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
