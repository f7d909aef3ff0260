package dev.nex.jakarta.tck.lifecycle;

import static dev.nex.jakarta.tck.lifecycle.LifecycleDeployment.MAX_PART;
import static dev.nex.jakarta.tck.lifecycle.LifecycleDeployment.MAX_REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.testing.Multipart;
import dev.nex.jakarta.testing.NexClient;
import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.NexResponse;

/**
 * Uploads (SPEC 11.4): {@code multipart/form-data} actions receive their files and fields on every server; a part
 * over {@code nex.upload.max-size} or a body over {@code nex.upload.max-request-size} gets 413 (the deployment sets
 * them to {@value LifecycleDeployment#MAX_PART} and {@value LifecycleDeployment#MAX_REQUEST} bytes), malformed
 * multipart 400, a part of a type the action does not take 415; never 500, and nothing of a refused request is
 * stored.
 */
@ExtendWith(ArquillianExtension.class)
class UploadsTest {

    private static final byte[] TEXT = "hello, file".getBytes(StandardCharsets.UTF_8);

    @ArquillianResource
    URL base;

    private NexPage page;

    @Deployment(testable = false)
    static WebArchive uploads() {
        return LifecycleDeployment.create();
    }

    @BeforeEach
    void openAPage() {
        page = NexClient.at(base).open("app/upload");
    }

    // SPEC 11.4: an htmx action reads a file and a text field, as method parameters and in a @BeanParam; a file
    // input left empty arrives as an empty part; a body without a part the action reads as a file is 400
    @Test
    void actionReceivesTheFileAndTheFieldsOfAMultipartForm() {
        Multipart form = new Multipart().field("note", "caf\u00e9 <1>").file("file", "a.txt", "text/plain", TEXT);
        assertEquals(200, upload("attach", form).statusCode());
        Multipart image = new Multipart().file("file", "dot.png", "image/png", new byte[MAX_PART - 1024])
                .field("note", "");
        assertEquals(200, upload("attach", image).statusCode());
        assertEquals(200, upload("attach-text", new Multipart().file("file", "b.txt", "text/plain", TEXT)
                .field("note", "bean")).statusCode());
        assertEquals(200, page.post("app/upload/count", Map.of("count", "7")).status(), "a urlencoded form");
        assertEquals(200, upload("attach", new Multipart().file("file", "", "application/octet-stream", new byte[0])
                .field("note", "left empty")).statusCode(), "a file input left empty");
        assertEquals(400, upload("attach", new Multipart().field("note", "no file")).statusCode(),
                "no file part at all, where Jersey (GlassFish) would fail");
        assertEquals(List.of("a.txt|text/plain|11|caf\u00e9 &lt;1&gt;", "dot.png|image/png|"
                + (MAX_PART - 1024) + "|", "b.txt|text/plain|11|bean", "count 7",
                "|application/octet-stream|0|left empty"), files());
    }

    // SPEC 11.4: a part over nex.upload.max-size, or a body over nex.upload.max-request-size, is 413 whether or not
    // the request declares its length; nothing is stored
    @Test
    void partOrBodyOverItsLimitIsRefusedWith413() {
        Multipart bigPart = new Multipart().field("note", "big").file("file", "big.txt", "text/plain",
                new byte[MAX_PART + 1]);
        Multipart bigBody = new Multipart();
        for (int i = 0; i * (MAX_PART - 1024) <= MAX_REQUEST; i++) {
            bigBody.file("file", "part" + i + ".txt", "text/plain", new byte[MAX_PART - 1024]);
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String action : List.of("attach", "attach-text")) {
            statuses.put(action + ", a part over the limit", upload(action, bigPart).statusCode());
            statuses.put(action + ", a part over the limit, streamed", streamed(action, bigPart).statusCode());
            statuses.put(action + ", a body over the limit", upload(action, bigBody).statusCode());
            statuses.put(action + ", a body over the limit, streamed", streamed(action, bigBody).statusCode());
        }
        statuses.forEach((what, status) -> assertEquals(413, status, what + ": " + statuses));
        assertEquals(List.of(), files());
    }

    // SPEC 11.4: a body that is not well-formed multipart is 400 (RESTEasy's parser alone takes a body cut short
    // as a shorter file, and one with another boundary as no parts); nothing is stored. Where the servlet container
    // parses the body (Open Liberty), flaws that lose nothing may pass: a missing "--" after the last delimiter, a
    // part that is no form field (left out); then the action gets exactly the other parts
    @Test
    void malformedMultipartIsRefusedWith400() {
        Multipart form = new Multipart("nex-boundary").field("note", "n").file("file", "a.txt", "text/plain", TEXT);
        byte[] whole = form.bytes();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> body : malformedBodies(whole).entrySet()) {
            statuses.put(body.getKey(), send("attach", form.contentType(), body.getValue()).statusCode());
        }
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + "b".repeat(71),
                "multipart/form-data; boundary=a\u00e4b", "multipart/form-data; boundary=other")) {
            statuses.put("Content-Type: " + type, send("attach", type, whole).statusCode());
        }
        statuses.forEach((what, status) -> assertEquals(400, status, what + ": " + statuses));
        assertEquals(List.of(), files());

        String text = new String(whole, StandardCharsets.ISO_8859_1);
        Map<String, byte[]> lossless = Map.of(
                "without the closing delimiter", Arrays.copyOf(whole, whole.length - 4),
                "a part without a name", latin(text.replace("form-data; name=\"note\"", "form-data")),
                "a part without a disposition", latin(text.replace("Content-Disposition: form-data; name=\"note\"",
                        "X-Nothing: here")),
                "a part not form-data", latin(text.replace("form-data; name=\"note\"", "inline; name=\"note\"")));
        List<String> stored = new ArrayList<>();
        lossless.forEach((what, body) -> {
            int status = send("attach", form.contentType(), body).statusCode();
            assertTrue(status == 400 || status == 200, what + ": " + status);
            if (status == 200) {
                stored.add(what.equals("without the closing delimiter") ? "a.txt|text/plain|11|n"
                        : "a.txt|text/plain|11|null");
            }
        });
        assertEquals(stored, files(), "what passed arrived whole");
    }

    /** Well-formed {@code whole} spoilt in each way a client or a network can spoil it. */
    private static Map<String, byte[]> malformedBodies(byte[] whole) {
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("cut in the last part", Arrays.copyOf(whole, whole.length - 30));
        bodies.put("cut in the first headers", Arrays.copyOf(whole, 40));
        bodies.put("no delimiter", "just text".getBytes(StandardCharsets.US_ASCII));
        bodies.put("a type that is no media type", new Multipart("nex-boundary").field("note", "n")
                .file("file", "a.txt", "nonsense", TEXT).file("other", "b.txt", ";;;", TEXT).bytes());
        bodies.put("text after a delimiter", latin(text.replaceFirst("--nex-boundary\r\n", "--nex-boundary junk\r\n")));
        String noteHeader = "--nex-boundary\r\nContent-Disposition: form-data; name=\"note\"\r\n";
        bodies.put("a header line over 998 characters", latin(noteHeader + "X-Long: " + "x".repeat(1000)
                + "\r\n\r\nn\r\n--nex-boundary--\r\n"));
        bodies.put("headers over 8 KB", latin(noteHeader + ("X-Many: " + "x".repeat(900) + "\r\n").repeat(10)
                + "\r\nn\r\n--nex-boundary--\r\n"));
        return bodies;
    }

    // SPEC 11.4: a part of a type the action does not take is 415: a file type outside @PartType, a binary part for
    // a String, any part for a parameter that no multipart part can fill (an int); nothing is stored
    @Test
    void partOfATypeTheActionDoesNotTakeIsRefusedWith415() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("a PDF where @PartType takes text and images", upload("attach", new Multipart()
                .file("file", "a.pdf", "application/pdf", TEXT).field("note", "n")).statusCode());
        statuses.put("a PDF where the bean's @PartType takes text", upload("attach-text", new Multipart()
                .file("file", "a.png", "image/png", TEXT).field("note", "n")).statusCode());
        statuses.put("an image for a String", upload("attach", new Multipart()
                .file("file", "a.txt", "text/plain", TEXT).file("note", "n.png", "image/png", TEXT)).statusCode());
        statuses.put("a number for an int", upload("count", new Multipart().field("count", "7")).statusCode());
        statuses.put("a urlencoded form to a multipart action", page.post("app/upload/attach", Map.of("note", "n"))
                .status());
        statuses.forEach((what, status) -> assertEquals(415, status, what + ": " + statuses));
        assertEquals(List.of(), files());
    }

    // SPEC 11.4, 7.6: Jakarta MVC reads a plain form's CSRF field only from a urlencoded body: a plain multipart
    // post with the token in its field is refused with 403 (htmx sends the token as a header); nothing is stored
    @Test
    void plainMultipartPostIsRefusedWith403() {
        Multipart form = new Multipart().field("_csrf", page.csrfToken()).field("note", "n")
                .file("file", "a.txt", "text/plain", TEXT);
        HttpResponse<String> refused = page.http().send(page.http().request("app/upload/attach", "X-Nex-Page-Id",
                page.id(), "Content-Type", form.contentType()).POST(form.publisher()));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(List.of(), files());
    }

    private HttpResponse<String> upload(String action, Multipart form) {
        return send(action, form.contentType(), form.bytes());
    }

    private HttpResponse<String> send(String action, String contentType, byte[] body) {
        return send(action, contentType, BodyPublishers.ofByteArray(body));
    }

    /** Sent without a {@code Content-Length}, in chunks: the limit must hold while the body arrives. */
    private HttpResponse<String> streamed(String action, Multipart form) {
        byte[] body = form.bytes();
        return send(action, form.contentType(), BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    private HttpResponse<String> send(String action, String contentType, BodyPublisher body) {
        HttpRequest.Builder request = page.http().request("app/upload/" + action, page.htmxHeaders())
                .header("Content-Type", contentType);
        HttpResponse<String> response = page.http().send(request.POST(body));
        assertTrue(response.statusCode() < 500, action + ": " + response.statusCode() + " " + response.body());
        return response;
    }

    private List<String> files() {
        NexResponse files = page.get("app/upload/files").assertStatus(200);
        List<String> lines = new ArrayList<>();
        for (String item : files.body().split("<li>")) {
            if (item.contains("</li>")) {
                lines.add(item.substring(0, item.indexOf("</li>")));
            }
        }
        return lines;
    }

    private static byte[] latin(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
