package dev.nex.jakarta.testing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What an action answered, read as htmx reads it: the status, the main fragment, the out-of-band fragments
 * ({@code hx-swap-oob}) and the directives ({@code HX-*} response headers).
 * <pre>{@code
 * NexResponse added = cart.post("app/cart/add_item", Map.of("item", "tea")).assertStatus(200);
 * assertEquals("tea", added.fragment().select("li").last().text());
 * assertEquals("1", added.outOfBand("cart-count").text());
 * assertEquals("cart-changed", added.directive("HX-Trigger").orElseThrow());
 * }</pre>
 */
public final class NexResponse {

    private static final String OUT_OF_BAND = "hx-swap-oob";

    private final HttpResponse<String> response;
    private Element fragment;
    private Elements outOfBand;

    NexResponse(HttpResponse<String> response) {
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    /**
     * Fails unless the status is {@code expected}, showing the body.
     *
     * @return this response, to go on reading it
     */
    public NexResponse assertStatus(int expected) {
        if (status() != expected) {
            throw new AssertionError("Expected status " + expected + " from " + response.request().method() + " "
                    + response.uri() + " but got " + status() + ":\n" + body());
        }
        return this;
    }

    /** The whole body, as sent. */
    public String body() {
        return response.body();
    }

    /** A response header's first value (names are case-insensitive). */
    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /**
     * A directive: the {@code HX-*} response header {@code name}, e.g. {@code HX-Redirect}, {@code HX-Trigger},
     * {@code HX-Retarget}.
     */
    public Optional<String> directive(String name) {
        if (!name.regionMatches(true, 0, "HX-", 0, 3)) {
            throw new IllegalArgumentException("Directives are HX-* headers: " + name);
        }
        return header(name);
    }

    /** Every directive of the response: its {@code HX-*} headers, by name (looked up case-insensitively). */
    public Map<String, String> directives() {
        Map<String, String> directives = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (name.regionMatches(true, 0, "HX-", 0, 3)) {
                directives.put(name, String.join(", ", values));
            }
        });
        return directives;
    }

    /**
     * The main fragment, what htmx swaps into the target: the body without its out-of-band elements, parsed as
     * the content of a {@code <body>}. Query it with CSS: {@code fragment().select("#notes li")}.
     */
    public Element fragment() {
        parse();
        return fragment;
    }

    /** The out-of-band elements ({@code hx-swap-oob}), in the order of the body. */
    public List<Element> outOfBand() {
        parse();
        return List.copyOf(outOfBand);
    }

    /**
     * The out-of-band element for {@code target}: the one whose {@code id} is {@code target}, or whose
     * {@code hx-swap-oob} selects {@code #target} (e.g. {@code beforeend:#target}).
     *
     * @throws AssertionError if there is none
     */
    public Element outOfBand(String target) {
        parse();
        for (Element element : outOfBand) {
            String swap = element.attr(OUT_OF_BAND);
            if (element.id().equals(target) || swap.endsWith(":#" + target)) {
                return element;
            }
        }
        throw new AssertionError("No out-of-band fragment for #" + target + " in:\n" + body());
    }

    private void parse() {
        if (fragment != null) {
            return;
        }
        Element parsed = Jsoup.parseBodyFragment(body(), response.uri().toString()).body();
        outOfBand = parsed.select("[" + OUT_OF_BAND + "]");
        for (Element element : outOfBand) {
            element.remove();
        }
        fragment = parsed;
    }
}
