package dev.nex.jakarta.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body built part by part, as a browser sends a form with a file input:
 * <pre>{@code
 * Multipart form = new Multipart().field("note", "hello").file("file", "a.txt", "text/plain", bytes);
 * tab.send(tab.request("app/tasks/attach", "HX-Request", "true", ...)
 *         .header("Content-Type", form.contentType()).POST(form.publisher()));
 * }</pre>
 */
public final class Multipart {

    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart() {
        this("----nex-testing-" + Long.toHexString(System.nanoTime()));
    }

    public Multipart(String boundary) {
        this.boundary = boundary;
    }

    /** A text field. */
    public Multipart field(String name, String value) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** A file with its name and media type. */
    public Multipart file(String name, String fileName, String mediaType, byte[] content) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n", content);
    }

    private Multipart part(String headers, byte[] content) {
        write("--" + boundary + "\r\n" + headers + "\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** The header value that names this body's boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body, closing delimiter included. */
    public byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(body.toByteArray());
        closed.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return closed.toByteArray();
    }

    public HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofByteArray(bytes());
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
