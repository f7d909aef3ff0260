package dev.nex.jakarta.impl.web;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Writes a page through, putting the page script before its last {@code </body>} (SPEC 7.1), or at the end if
 * there is none. Only what follows the latest {@code </body>} seen (usually {@code </body></html>}) and a partial
 * match at a write boundary are held back: a large page streams, in chunks of at most {@value #CHUNK} bytes. Those
 * chunks matter: Krazo hands JSP output over byte by byte, and the container's stream is slow at that. Matching
 * is on bytes, so any ASCII-compatible charset (UTF-8, ISO-8859-1) works.
 */
final class ScriptInjectingOutputStream extends FilterOutputStream {

    static final int CHUNK = 8192;
    private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<byte[]> script;
    /**
     * Bytes not yet written: a partial "</body" match, or everything from the latest "</body" on. A plain array:
     * it is touched at every '<' of the page, so releasing must not copy or allocate.
     */
    private byte[] held = new byte[64];
    private int heldCount;
    private boolean holdingBodyEnd;
    private int matched;
    private boolean finished;

    /** {@code script} is asked for at the end: a template may have placed it itself meanwhile (then empty). */
    ScriptInjectingOutputStream(OutputStream out, Supplier<byte[]> script) {
        super(new Chunks(out));
        this.script = script;
    }

    @Override
    public void write(int b) throws IOException {
        if (!holdingBodyEnd && matched == 0 && b != '<') {
            out.write(b); // nothing held, nothing to match: the common case
        } else {
            step((byte) b);
        }
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
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, held.length * 2);
        }
        held[heldCount++] = b;
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
        int released = heldCount - keep;
        if (released > 0) {
            out.write(held, 0, released);
            System.arraycopy(held, released, held, 0, keep);
            heldCount = keep;
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
            out.write(held, 0, heldCount);
        } else {
            out.write(held, 0, heldCount);
            out.write(script.get());
        }
        heldCount = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }

    /** A {@code BufferedOutputStream} without its lock per call: a page arrives one byte per call. */
    private static final class Chunks extends FilterOutputStream {
        private final byte[] chunk = new byte[CHUNK];
        private int count;

        Chunks(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (count == chunk.length) {
                drain();
            }
            chunk[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length >= chunk.length) {
                drain();
                out.write(bytes, offset, length);
                return;
            }
            if (length > chunk.length - count) {
                drain();
            }
            System.arraycopy(bytes, offset, chunk, count, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        private void drain() throws IOException {
            if (count > 0) {
                out.write(chunk, 0, count);
                count = 0;
            }
        }
    }
}
