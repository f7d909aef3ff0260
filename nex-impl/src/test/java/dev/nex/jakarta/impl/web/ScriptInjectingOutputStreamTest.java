package dev.nex.jakarta.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** SPEC 7.1: the script goes before the last {@code </body>}, or at the end; the page streams through. */
class ScriptInjectingOutputStreamTest {

    private static final String SCRIPT = "<script src=\"/nex/nex.js\"></script>";

    /** {@code chunk} 0: byte by byte through {@code write(int)}, as Krazo writes JSP output. */
    private static String inject(String page, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ScriptInjectingOutputStream out = new ScriptInjectingOutputStream(sink,
                () -> SCRIPT.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        if (chunk == 0) {
            for (byte b : bytes) {
                out.write(b);
            }
        }
        for (int i = 0; chunk > 0 && i < bytes.length; i += chunk) {
            out.write(bytes, i, Math.min(chunk, bytes.length - i));
        }
        out.finish();
        out.finish();
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void beforeTheLastBodyEndWhateverTheChunkingAndCase() throws IOException {
        String page = "<html><body><p>ünïcödé</p><pre>&lt;/body&gt; </body ></pre>\n</BODY>\n</html>\n";
        String expected = "<html><body><p>ünïcödé</p><pre>&lt;/body&gt; </body ></pre>\n" + SCRIPT
                + "</BODY>\n</html>\n";
        for (int chunk = 0; chunk <= page.length() + 1; chunk++) {
            assertEquals(expected, inject(page, chunk), "chunk " + chunk);
        }
    }

    @Test
    void appendedWithoutBodyEnd() throws IOException {
        assertEquals("<p>x</p></bod" + SCRIPT, inject("<p>x</p></bod", 3));
        assertEquals(SCRIPT, inject("", 1));
    }

    @Test
    void aLargePageStreamsAndOnlyItsTailIsHeld() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ScriptInjectingOutputStream out = new ScriptInjectingOutputStream(sink,
                () -> SCRIPT.getBytes(StandardCharsets.UTF_8));
        byte[] row = "<tr><td>row</td></tr>\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 100_000; i++) {
            out.write(row, 0, row.length);
        }
        assertTrue(sink.size() >= 100_000 * row.length - ScriptInjectingOutputStream.CHUNK - 5,
                "written through, not buffered: " + sink.size());
        out.write("</body></html>".getBytes(StandardCharsets.UTF_8));
        out.finish();
        assertTrue(sink.toString(StandardCharsets.UTF_8).endsWith(SCRIPT + "</body></html>"));
    }
}
