package dev.nex.jakarta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an action tells htmx to do instead of (or besides) swapping a fragment: the htmx response headers
 * (SPEC 7.4), immutable and combinable. Return one from a controller method:
 * <pre>{@code
 * @POST @Path("clear")
 * public Directive clear() {
 *     store.delete("cart_items");
 *     return Directive.refresh();
 * }
 *
 * @POST @Path("save")
 * public Directive save() {
 *     return Directive.trigger("saved", "{\"id\": 42}").and(Directive.location("/orders/42"));
 * }
 * }</pre>
 * or add one next to a fragment with {@link ResponseDirectives}. For a request that is not from htmx, redirect
 * and location answer {@code 303 See Other}, and refresh redirects to the page (the {@code Referer}).
 */
public final class Directive {

    /** htmx response header of {@link #refresh()}. */
    public static final String REFRESH = "HX-Refresh";
    /** htmx response header of {@link #redirect(String)}. */
    public static final String REDIRECT = "HX-Redirect";
    /** htmx response header of {@link #location(String)}. */
    public static final String LOCATION = "HX-Location";
    /** htmx response header of {@link #pushUrl(String)}. */
    public static final String PUSH_URL = "HX-Push-Url";
    /** htmx response header of {@link #replaceUrl(String)}. */
    public static final String REPLACE_URL = "HX-Replace-Url";
    /** htmx response header of {@link #retarget(String)}. */
    public static final String RETARGET = "HX-Retarget";
    /** htmx response header of {@link #reswap(String)}. */
    public static final String RESWAP = "HX-Reswap";
    /** htmx response header of {@link #reselect(String)}. */
    public static final String RESELECT = "HX-Reselect";
    /** htmx response header of {@link #trigger(String)}. */
    public static final String TRIGGER = "HX-Trigger";
    /** htmx response header of {@link #triggerAfterSwap(String)}. */
    public static final String TRIGGER_AFTER_SWAP = "HX-Trigger-After-Swap";
    /** htmx response header of {@link #triggerAfterSettle(String)}. */
    public static final String TRIGGER_AFTER_SETTLE = "HX-Trigger-After-Settle";

    private static final Directive NONE = new Directive(Map.of(), Map.of(), null);

    /** Single-valued headers: the later directive wins. */
    private final Map<String, String> headers;
    /** Trigger headers: event name → JSON detail ({@code null} for none), merged across directives. */
    private final Map<String, Map<String, String>> triggers;
    /** The URL of a redirect or location, for requests that are not from htmx. */
    private final String navigation;

    private Directive(Map<String, String> headers, Map<String, Map<String, String>> triggers, String navigation) {
        this.headers = headers;
        this.triggers = triggers;
        this.navigation = navigation;
    }

    /**
     * Reload the whole page (a new page: its state starts afresh).
     *
     * @return the directive
     */
    public static Directive refresh() {
        return header(REFRESH, "true");
    }

    /**
     * Navigate to {@code url} with a full page load.
     *
     * @param url where to go
     * @return the directive
     */
    public static Directive redirect(String url) {
        return navigation(REDIRECT, url, url);
    }

    /**
     * Navigate to {@code path} the htmx way (an ajax GET swapped into the body, URL pushed).
     *
     * @param path where to go
     * @return the directive
     */
    public static Directive location(String path) {
        return navigation(LOCATION, path, path);
    }

    /**
     * Like {@link #location(String)}, with htmx's options: {@code target}, {@code swap}, {@code select},
     * {@code source}, {@code event}, {@code handler} (sent as the JSON form of {@code HX-Location}).
     *
     * @param path where to go
     * @param options htmx's options by name
     * @return the directive
     */
    public static Directive location(String path, Map<String, String> options) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("path", path);
        json.putAll(options);
        return navigation(LOCATION, json.entrySet().stream()
                .map(e -> Json.string(e.getKey()) + ":" + Json.string(e.getValue()))
                .collect(Collectors.joining(",", "{", "}")), path);
    }

    /**
     * Push {@code url} into the browser history ({@code "false"} prevents a push).
     *
     * @param url the URL to push, or {@code "false"}
     * @return the directive
     */
    public static Directive pushUrl(String url) {
        return header(PUSH_URL, url);
    }

    /**
     * Replace the current URL in the browser history ({@code "false"} prevents it).
     *
     * @param url the URL to put in place, or {@code "false"}
     * @return the directive
     */
    public static Directive replaceUrl(String url) {
        return header(REPLACE_URL, url);
    }

    /**
     * Swap into the element matching {@code selector} instead of the request's target.
     *
     * @param selector a CSS selector
     * @return the directive
     */
    public static Directive retarget(String selector) {
        return header(RETARGET, selector);
    }

    /**
     * Swap this way instead ({@code outerHTML}, {@code beforeend}, … with modifiers).
     *
     * @param swap an {@code hx-swap} value
     * @return the directive
     */
    public static Directive reswap(String swap) {
        return header(RESWAP, swap);
    }

    /**
     * Swap only the part of the response matching {@code selector}.
     *
     * @param selector a CSS selector
     * @return the directive
     */
    public static Directive reselect(String selector) {
        return header(RESELECT, selector);
    }

    /**
     * Trigger client event {@code event} as soon as the response arrives.
     *
     * @param event the event name
     * @return the directive
     */
    public static Directive trigger(String event) {
        return trigger(TRIGGER, event, null);
    }

    /**
     * Trigger {@code event} with a detail given as JSON text (an object, string, number…).
     *
     * @param event the event name
     * @param detailJson the event's {@code detail}, as JSON text
     * @return the directive
     */
    public static Directive trigger(String event, String detailJson) {
        return trigger(TRIGGER, event, Objects.requireNonNull(detailJson, "detailJson"));
    }

    /**
     * Trigger {@code event} after the swap.
     *
     * @param event the event name
     * @return the directive
     */
    public static Directive triggerAfterSwap(String event) {
        return trigger(TRIGGER_AFTER_SWAP, event, null);
    }

    /**
     * Trigger {@code event} after the swap, with a detail given as JSON text.
     *
     * @param event the event name
     * @param detailJson the event's {@code detail}, as JSON text
     * @return the directive
     */
    public static Directive triggerAfterSwap(String event, String detailJson) {
        return trigger(TRIGGER_AFTER_SWAP, event, Objects.requireNonNull(detailJson, "detailJson"));
    }

    /**
     * Trigger {@code event} after the settle step.
     *
     * @param event the event name
     * @return the directive
     */
    public static Directive triggerAfterSettle(String event) {
        return trigger(TRIGGER_AFTER_SETTLE, event, null);
    }

    /**
     * Trigger {@code event} after the settle step, with a detail given as JSON text.
     *
     * @param event the event name
     * @param detailJson the event's {@code detail}, as JSON text
     * @return the directive
     */
    public static Directive triggerAfterSettle(String event, String detailJson) {
        return trigger(TRIGGER_AFTER_SETTLE, event, Objects.requireNonNull(detailJson, "detailJson"));
    }

    /**
     * No directive at all: the neutral element of {@link #and}.
     *
     * @return the empty directive
     */
    public static Directive none() {
        return NONE;
    }

    /**
     * Both directives; for the same header {@code other} wins, and events of all triggers are kept.
     *
     * @param other the directive to add
     * @return a new directive with both
     */
    public Directive and(Directive other) {
        Map<String, String> mergedHeaders = new LinkedHashMap<>(headers);
        mergedHeaders.putAll(other.headers);
        Map<String, Map<String, String>> mergedTriggers = new LinkedHashMap<>();
        triggers.forEach((header, events) -> mergedTriggers.put(header, new LinkedHashMap<>(events)));
        other.triggers.forEach((header, events) -> mergedTriggers.computeIfAbsent(header, h -> new LinkedHashMap<>())
                .putAll(events));
        return new Directive(Collections.unmodifiableMap(mergedHeaders), Collections.unmodifiableMap(mergedTriggers),
                other.navigation != null ? other.navigation : navigation);
    }

    /**
     * The htmx response headers. Triggers without details are a comma-separated list; once any event of a header
     * has a detail, that header is a JSON object of all its events.
     *
     * @return header name to value, in the order the directives were given
     */
    public Map<String, String> headers() {
        Map<String, String> all = new LinkedHashMap<>(headers);
        triggers.forEach((header, events) -> {
            boolean withDetails = events.values().stream().anyMatch(Objects::nonNull);
            all.put(header, withDetails
                    ? events.entrySet().stream().map(e -> Json.string(e.getKey()) + ":"
                            + (e.getValue() == null ? "null" : e.getValue())).collect(Collectors.joining(",", "{", "}"))
                    : String.join(", ", events.keySet()));
        });
        return all;
    }

    /**
     * Whether the page is to be reloaded.
     *
     * @return {@code true} if this directive contains {@link #refresh()}
     */
    public boolean isRefresh() {
        return headers.containsKey(REFRESH);
    }

    /**
     * Where a request that is not from htmx should be sent with {@code 303}: the redirect or location path.
     *
     * @return the URL, if this directive navigates
     */
    public Optional<String> navigation() {
        return Optional.ofNullable(navigation);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Directive directive && headers().equals(directive.headers());
    }

    @Override
    public int hashCode() {
        return headers().hashCode();
    }

    @Override
    public String toString() {
        return "Directive" + headers();
    }

    private static Directive header(String name, String value) {
        return new Directive(Map.of(name, Objects.requireNonNull(value, name)), Map.of(), null);
    }

    private static Directive navigation(String name, String value, String url) {
        return new Directive(Map.of(name, Objects.requireNonNull(value, name)), Map.of(), url);
    }

    private static Directive trigger(String header, String event, String detailJson) {
        Map<String, String> events = new LinkedHashMap<>();
        events.put(Objects.requireNonNull(event, "event"), detailJson);
        return new Directive(Map.of(), Map.of(header, Collections.unmodifiableMap(events)), null);
    }

    /** JSON string literals: the only JSON Nex writes itself. */
    private static final class Json {

        static String string(String value) {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
