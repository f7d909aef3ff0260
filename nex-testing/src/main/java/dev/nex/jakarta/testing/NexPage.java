package dev.nex.jakarta.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page opened in a tab: its id and CSRF token as its page script carries them, and the htmx requests the tab
 * sends, which continue the page.
 * <pre>{@code
 * NexPage notes = NexClient.at(base).open("");
 * notes.post("notes", Map.of("note", "milk")).assertStatus(200);
 * NexResponse refused = notes.post("notes", Map.of("note", ""));
 * assertEquals(422, refused.status());
 * assertEquals("Write a note.", refused.fragment().select("#error").text());
 *
 * notes.end();                                   // as closing the tab does
 * notes.post("notes", Map.of("note", "bread"));  // now sees an expired page (nex.page.expired)
 * }</pre>
 * The requests carry what htmx and the page script send: {@code HX-Request}, the page id and CSRF token in the
 * headers the page's script tag names, {@code HX-Current-URL} and {@code Referer}. A plain HTML form is sent
 * with {@link #submit}, as a browser without htmx would.
 */
public final class NexPage {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebClient http;
    private final URI url;
    private final Document document;
    private final PageScriptTag tag;

    private NexPage(WebClient http, URI url, Document document, PageScriptTag tag) {
        this.http = http;
        this.url = url;
        this.document = document;
        this.tag = tag;
    }

    /**
     * The page that {@code page}, a full page {@code http} loaded itself (say with headers of its own), started.
     *
     * @throws AssertionError if it has no page script
     */
    public static NexPage from(WebClient http, HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        return new NexPage(http, page.uri(), document, PageScriptTag.of(document));
    }

    /** The page id, as the page script sends it. */
    public String id() {
        return tag.pageId();
    }

    /** The CSRF token the page script sends with each action. */
    public String csrfToken() {
        return tag.csrfToken();
    }

    /** The full page as it was loaded. */
    public Document document() {
        return document;
    }

    /** An htmx GET ({@code hx-get}) of {@code path}, e.g. a fragment loaded into the page. */
    public NexResponse get(String path) {
        return new NexResponse(http.get(path, htmxHeaders()));
    }

    /** An htmx POST ({@code hx-post}) of {@code form}, url-encoded as htmx sends a form. */
    public NexResponse post(String path, Map<String, String> form) {
        return new NexResponse(http.post(path, form, htmxHeaders()));
    }

    /** An htmx request of any method ({@code hx-put}, {@code hx-patch}, {@code hx-delete}…) with a url-encoded body. */
    public NexResponse send(String method, String path, Map<String, String> form) {
        return new NexResponse(http.send(http.request(path, htmxHeaders())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(WebClient.formEncode(form)))));
    }

    /** An htmx POST of a {@code multipart/form-data} form ({@code hx-encoding}), e.g. one with a file. */
    public NexResponse upload(String path, Multipart form) {
        return new NexResponse(http.send(http.request(path, htmxHeaders())
                .header("Content-Type", form.contentType()).POST(form.publisher())));
    }

    /**
     * Submits the page's form {@code formSelector} (CSS) as a browser does without htmx: its fields as the page
     * has them (hidden fields such as the CSRF token included), with {@code values} typed in, sent to its
     * {@code action} with its {@code method}, without {@code HX-Request} and without the page script's headers.
     *
     * @throws AssertionError if the page has no such form
     */
    public NexResponse submit(String formSelector, Map<String, String> values) {
        Element form = document.selectFirst(formSelector);
        if (form == null || !form.normalName().equals("form")) {
            throw new AssertionError("No form " + formSelector + " in the page at " + url);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String type = field.attr("type").toLowerCase();
            boolean unchecked = (type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked");
            if (!field.hasAttr("disabled") && !unchecked && !type.equals("file") && !type.equals("submit")) {
                fields.put(field.attr("name"), value(field));
            }
        }
        fields.putAll(values);
        String action = form.attr("action").isEmpty() ? url.toString() : form.absUrl("action");
        if (form.attr("method").equalsIgnoreCase("get")) {
            return new NexResponse(http.get(URI.create(action).resolve("?" + WebClient.formEncode(fields))
                    .toString(), "Referer", url.toString()));
        }
        return new NexResponse(http.post(action, fields, "Referer", url.toString()));
    }

    private static String value(Element field) {
        if (field.normalName().equals("textarea")) {
            return field.wholeText();
        }
        if (field.normalName().equals("select")) {
            Element selected = field.selectFirst("option[selected]");
            Element option = selected != null ? selected : field.selectFirst("option");
            return option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
        }
        return field.attr("value");
    }

    /**
     * Opens this page's event stream (SPEC 12), at the URL of the page's {@code sse-connect} element, with extra
     * header pairs (e.g. {@code Last-Event-ID}); close it as a tab going away closes its {@code EventSource}.
     *
     * @throws AssertionError if the page has no {@code sse-connect} element
     */
    public PageEvents events(String... headers) {
        Element source = document.selectFirst("[sse-connect]");
        if (source == null) {
            throw new AssertionError("The page has no sse-connect element");
        }
        return PageEvents.open(http, source.attr("sse-connect"), headers);
    }

    /**
     * Ends the page as closing its tab does: the page script's unload beacon (SPEC 6.6). Its next action then
     * sees an expired page ({@code nex.page.expired}).
     *
     * @throws AssertionError if the application has the beacon switched off or does not answer 204
     */
    public void end() {
        if (tag.unloadPath().isEmpty()) {
            throw new AssertionError("The page script of " + url + " sends no unload beacon (nex.unload-beacon)");
        }
        HttpResponse<String> ended = http.post(tag.unloadPath(), Map.of("page", id()));
        if (ended.statusCode() != 204) {
            throw new AssertionError("The unload beacon answered " + ended.statusCode() + ": " + ended.body());
        }
    }

    /**
     * This tab as if its page had expired: the same requests under a page id of the same shape that the server
     * never minted, which it treats as an expired page ({@code nex.page.expired}: reset or refresh).
     */
    public NexPage expired() {
        return new NexPage(http, url, document, tag.withPageId(unknownIdShapedLike(id())));
    }

    /**
     * A page id of the shape of {@code mintedId} (length, alphabet) that no server minted: its first 16
     * characters drawn at random. For a request of a test's own that must present an unknown, well-formed id.
     */
    public static String unknownIdShapedLike(String mintedId) {
        StringBuilder unknown = new StringBuilder(mintedId);
        for (int i = 0; i < Math.min(16, unknown.length()); i++) {
            unknown.setCharAt(i, ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return unknown.toString();
    }

    /** This page, its requests sent to another node of a cluster at {@code otherBase} (same session). */
    public NexPage on(URI otherBase) {
        return new NexPage(http.on(otherBase), url, document, tag);
    }

    /**
     * The headers htmx and the page script send with each request of this page, as name/value pairs, for a request
     * made with {@link #http()}: {@code http().post(path, form, page.htmxHeaders())}.
     */
    public String[] htmxHeaders() {
        List<String> headers = new ArrayList<>(List.of("HX-Request", "true", "HX-Current-URL", url.toString(),
                "Referer", url.toString(), tag.pageHeader(), tag.pageId()));
        if (!tag.csrfHeader().isEmpty()) {
            headers.addAll(List.of(tag.csrfHeader(), tag.csrfToken()));
        }
        return headers.toArray(String[]::new);
    }

    /** The HTTP client of the page's session, for requests the page client does not make. */
    public WebClient http() {
        return http;
    }
}
