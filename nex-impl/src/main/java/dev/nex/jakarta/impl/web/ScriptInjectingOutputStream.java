package dev.nex.jakarta.impl.web;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Writes a page through, putting the page script before its last {@code </body>} (SPEC 7.1), or at the end if
 * there is none. Only what follows the latest {@code </body>} seen (usually {@code </body></html>}) and a partial
 * match at a write boundary are held back: a large page streams, it is not buffered. Matching is on bytes, so any
 * ASCII-compatible charset (UTF-8, ISO-8859-1) works.
 */
final class ScriptInjectingOutputStream extends FilterOutputStream {

    private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<byte[]> script;
    /** Bytes not yet written: a partial "</body" match, or everything from the latest "</body" on. */
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean holdingBodyEnd;
    private int matched;
    private boolean finished;

    /** {@code script} is asked for at the end: a template may have placed it itself meanwhile (then empty). */
    ScriptInjectingOutputStream(OutputStream out, Supplier<byte[]> script) {
        super(out);
        this.script = script;
    }

    @Override
    public void write(int b) throws IOException {
        step((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int passThroughFrom = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (holdingBodyEnd || matched > 0 || bytes[i] == '<') {
                if (passThroughFrom < i) {
                    out.write(bytes, passThroughFrom, i - passThroughFrom);
                }
                step(bytes[i]);
                passThroughFrom = i + 1;
            }
        }
        if (passThroughFrom < end) {
            out.write(bytes, passThroughFrom, end - passThroughFrom);
        }
    }

    private void step(byte b) throws IOException {
        held.write(b);
        matched = advance(matched, b);
        if (matched == BODY_END.length) {
            release(BODY_END.length); // an earlier "</body" was not the last one
            holdingBodyEnd = true;
            matched = 0;
        } else if (!holdingBodyEnd) {
            release(matched);
        }
    }

    private static int advance(int matched, byte b) {
        byte lower = (b >= 'A' && b <= 'Z') ? (byte) (b + ('a' - 'A')) : b;
        if (lower == BODY_END[matched]) {
            return matched + 1;
        }
        return b == '<' ? 1 : 0; // "</body" has no other prefix that is also a suffix
    }

    /** Writes all held bytes but the last {@code keep}. */
    private void release(int keep) throws IOException {
        int size = held.size();
        if (size > keep) {
            byte[] bytes = held.toByteArray();
            out.write(bytes, 0, size - keep);
            held.reset();
            held.write(bytes, size - keep, keep);
        }
    }

    /** Writes the script and what was held back, in document order. Idempotent. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (holdingBodyEnd) {
            out.write(script.get());
            held.writeTo(out);
        } else {
            held.writeTo(out);
            out.write(script.get());
        }
        held.reset();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }
}
