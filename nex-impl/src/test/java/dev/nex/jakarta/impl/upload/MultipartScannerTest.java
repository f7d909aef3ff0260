package dev.nex.jakarta.impl.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.EntityPart;

import org.junit.jupiter.api.Test;

import dev.nex.jakarta.PartType;

/** SPEC 11.4: what the scanner passes on unchanged, and what it refuses with which status, however it is read. */
class MultipartScannerTest {

    private static final String BOUNDARY = "b0undary";
    private static final int MAX_PART = 100;
    private static final int MAX_REQUEST = 100_000;

    /** A stand-in action: {@code attach(@FormParam("file") @PartType("image/*") EntityPart, @FormParam("note") String)}. */
    @SuppressWarnings("unused")
    private void attach(@FormParam("file") @PartType("image/*") EntityPart file, @FormParam("note") String note) {
    }

    @Test
    void wellFormedBodiesPassUnchangedInReadsOfAnySize() throws IOException {
        List<String> bodies = List.of(
                body(text("note", "hello"), file("file", "image/png", "x".repeat(MAX_PART))),
                body(text("note", ""), file("file", "image/png", "")) + "an epilogue, ignored",
                "a preamble, ignored\r\n" + body(text("note", "n"), file("file", "image/png", "")),
                // content that almost holds a delimiter (RFC 2046 forbids one that does)
                body(text("note", "\r\n--b0undar\r\n-b0undary--\r\n--\r\nb0undary"), file("file", "image/png", "")),
                body(file("other", "application/pdf", "%PDF"), text("note", "caf\u00e9"), file("file", "image/png", "")));
        for (String body : bodies) {
            for (int chunk : new int[] {1, 2, 3, 7, 64, 4096}) {
                assertArrayEquals(bytes(body), readAll(body, chunk), () -> "in reads of " + chunk + ": " + body);
            }
        }
    }

    @Test
    void partContentOverTheLimitIs413() {
        assertStatus(413, body(file("file", "image/png", "x".repeat(MAX_PART + 1))));
        assertStatus(413, body(text("other", "x".repeat(MAX_PART + 1)), file("file", "image/png", "")));
    }

    @Test
    void bodyOverTheLimitIs413EvenWhenEveryPartIsWithinIt() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i * (MAX_PART - 10) <= MAX_REQUEST; i++) {
            parts.add(text("note", "x".repeat(MAX_PART - 10)));
        }
        parts.add(file("file", "image/png", ""));
        assertStatus(413, body(parts.toArray(String[]::new)));
    }

    @Test
    void malformedBodiesAre400() {
        String whole = body(text("note", "n"), file("file", "image/png", "png"));
        for (String malformed : List.of("", "no delimiter at all", whole.substring(0, whole.length() - 4),
                whole.substring(0, whole.length() - 20), whole.substring(0, 30),
                whole.replace("--" + BOUNDARY + "\r\nContent-Disposition", "--" + BOUNDARY + " x\r\nContent-Disposition"),
                whole.replace("form-data; name=\"note\"", "form-data"),
                whole.replace("form-data; name=\"note\"", "attachment; name=\"note\""),
                // a type that is no media type, for a part the action reads and for one it does not
                body(file("file", "no-slash", "x")), body(file("other", ";;;", "x"), file("file", "image/png", "")),
                // no part for the EntityPart the action reads
                body(text("note", "n")),
                body("Content-Disposition: form-data; name=\"note\"\r\nX: " + "y".repeat(1000) + "\r\n\r\nn"),
                body("Content-Disposition: form-data; name=\"note\"\r\n" + ("X: " + "y".repeat(900) + "\r\n").repeat(10)
                        + "\r\nn"))) {
            assertStatus(400, malformed);
        }
    }

    @Test
    void partOfATypeItsParameterDoesNotTakeIs415() {
        assertStatus(415, body(file("file", "application/pdf", "%PDF")));
        assertStatus(415, body(file("note", "image/png", "png")));
        assertStatus(415, body(text("file", "a text field where an image goes")));
    }

    @Test
    void refusalIsHandedOnAndThrownAgainOnEveryRead() throws IOException {
        List<MultipartRefusedException> handed = new ArrayList<>();
        InputStream scanner = scanner(body(file("file", "application/pdf", "%PDF")), handed);
        MultipartRefusedException first = assertThrows(MultipartRefusedException.class, () -> drain(scanner, 8));
        assertEquals(List.of(first), handed);
        assertEquals(first, assertThrows(MultipartRefusedException.class, () -> scanner.read()));
    }

    @Test
    void fileInputLeftEmptyPassesAnyPartType() throws IOException {
        String empty = body("Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n", text("note", "n"));
        assertArrayEquals(bytes(empty), readAll(empty, 16));
    }

    @Test
    void dispositionNamesTheFieldQuotedOrNot() {
        assertEquals(new FormDataDisposition("note", Optional.empty()),
                FormDataDisposition.parse("form-data; name=\"note\"").orElseThrow());
        assertEquals(new FormDataDisposition("note", Optional.of("a;b.txt")),
                FormDataDisposition.parse("Form-Data ;NAME=note; filename=\"a;b.txt\"").orElseThrow());
        assertEquals("a\"b;c", FormDataDisposition.parse("form-data; filename=\"x\"; name=\"a\\\"b;c\"")
                .orElseThrow().name());
        assertEquals(new FormDataDisposition("file", Optional.of("name=x")),
                FormDataDisposition.parse("form-data; filename=\"name=x\"; name=file").orElseThrow());
        assertTrue(FormDataDisposition.parse("form-data; filename=\"\"; name=file").orElseThrow().noFileChosen());
        assertFalse(FormDataDisposition.parse("form-data; filename=\"a.txt\"").isPresent());
        assertFalse(FormDataDisposition.parse("inline; name=\"note\"").isPresent());
    }

    private void assertStatus(int status, String body) {
        for (int chunk : new int[] {1, 5, 4096}) {
            List<MultipartRefusedException> handed = new ArrayList<>();
            MultipartRefusedException refusal = assertThrows(MultipartRefusedException.class,
                    () -> drain(scanner(body, handed), chunk), () -> "no refusal for " + body);
            assertEquals(status, refusal.status(), () -> refusal.getMessage() + " for " + body);
            assertEquals(List.of(refusal), handed);
        }
    }

    private MultipartScanner scanner(String body, List<MultipartRefusedException> handed) {
        Method attach = Arrays.stream(getClass().getDeclaredMethods()).filter(m -> m.getName().equals("attach"))
                .findFirst().orElseThrow();
        return new MultipartScanner(new ByteArrayInputStream(bytes(body)), BOUNDARY, MAX_PART, MAX_REQUEST,
                PartRules.of(attach), handed::add);
    }

    private byte[] readAll(String body, int chunk) throws IOException {
        return drain(scanner(body, new ArrayList<>()), chunk);
    }

    private static byte[] drain(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int read; (read = chunk == 1 ? single(in, buffer) : in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static int single(InputStream in, byte[] buffer) throws IOException {
        int read = in.read();
        if (read < 0) {
            return -1;
        }
        buffer[0] = (byte) read;
        return 1;
    }

    private static String text(String name, String value) {
        return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
    }

    private static String file(String name, String type, String content) {
        return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"f\"\r\nContent-Type: " + type
                + "\r\n\r\n" + content;
    }

    private static String body(String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--").append(BOUNDARY).append("\r\n").append(part).append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
