package dev.nex.jakarta.tck.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nex.jakarta.testing.WebClient;

/**
 * A server's MicroProfile Health readiness report ({@code /health/ready} at the server's root), and one check in
 * it, read from the JSON the specification fixes (a check's {@code name}, {@code status} and flat {@code data}):
 * <pre>{@code
 * HealthReport ready = HealthReport.readiness(base);
 * assertEquals("UP", ready.check("nex-page-store").status());
 * }</pre>
 */
public record HealthReport(URI uri, int httpStatus, String json) {

    /** JUnit tag of tests that need the server's MicroProfile Health: runners exclude it on servers without. */
    public static final String TAG = "mp-health";
    /** The page store's readiness check, as docs/deployment.md names it. */
    public static final String PAGE_STORE = "nex-page-store";

    /** An object whose members hold at most one level of objects: a check with its data, in any member order. */
    private static final Pattern CHECK = Pattern.compile("\\{[^{}]*(?:\\{[^{}]*\\}[^{}]*)*\\}");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(UP|DOWN)\"");
    private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\\{([^{}]*)\\}");
    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\s]+)");

    /**
     * The readiness report of the server that serves {@code deployment} (any URL of it): on the application's port,
     * or {@code nex.tck.health-port-shift} above it where the server reports health elsewhere (WildFly: on its
     * management interface, 9990 for 8080 at every port offset).
     */
    public static HealthReport readiness(URI deployment) {
        int shift = Integer.getInteger("nex.tck.health-port-shift", 0);
        URI server = URI.create(deployment.getScheme() + "://" + deployment.getHost() + ":"
                + (deployment.getPort() + shift) + "/");
        HttpResponse<String> report = new WebClient(server).get("health/ready");
        return new HealthReport(server.resolve("health/ready"), report.statusCode(), report.body());
    }

    /** Check {@code name}: its status and data; fails the test if the report has no such check. */
    public Check check(String name) {
        Matcher checks = CHECK.matcher(json);
        while (checks.find()) {
            Matcher block = DATA.matcher(checks.group());
            Map<String, String> data = new LinkedHashMap<>();
            String members = checks.group();
            if (block.find()) {
                Matcher pair = PAIR.matcher(block.group(1));
                while (pair.find()) {
                    data.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(2));
                }
                members = members.substring(0, block.start()) + members.substring(block.end());
            }
            Matcher named = NAME.matcher(members);
            if (named.find() && named.group(1).equals(name)) {
                Matcher status = STATUS.matcher(members);
                return new Check(status.find() ? status.group(1) : "", data);
            }
        }
        throw new AssertionError("No health check '" + name + "' in the readiness report at " + uri + " (HTTP "
                + httpStatus + "):\n" + json);
    }

    /** A check's status ({@code UP} or {@code DOWN}) and data. */
    public record Check(String status, Map<String, String> data) {
    }
}
