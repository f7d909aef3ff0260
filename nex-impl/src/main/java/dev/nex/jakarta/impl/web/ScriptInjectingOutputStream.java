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
 * match at a write boundary are held back: a large page streams, in chunks of at most {@value #CHUNK} bytes. Nex's
 * {@link ViewWriter} hands views over in blocks already; the chunks keep a message body writer that writes a page
 * in small pieces from costing a container write per piece. Matching is on bytes, so any ASCII-compatible charset
 * (UTF-8, ISO-8859-1) works.
 */
final class ScriptInjectingOutputStream extends FilterOutputStream {

    static final int CHUNK = 8192;
    private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<byte[]> script;
    private final Chunks chunks;
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
        this.chunks = (Chunks) this.out;
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

    /**
     * Passes runs of bytes through, looking only at each {@code <}: a tag that is not {@code </body} is told by
     * its next bytes in the array. Bytes go one by one through {@link #step} only from a candidate on (a
     * {@code </body}, or a partial one at the end of the array) and while a partial match from the previous
     * write is pending: that is, for the page's tail.
     */
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        while (i < end && (holdingBodyEnd || matched > 0)) {
            step(bytes[i++]);
        }
        int plainFrom = i;
        for (; i < end; i++) {
            if (bytes[i] == '<' && isCandidate(bytes, i, end)) {
                passThrough(bytes, plainFrom, i);
                while (i < end) {
                    step(bytes[i++]);
                }
                return;
            }
        }
        passThrough(bytes, plainFrom, end);
    }

    /** Whether {@code </body} starts at {@code at}, or a start of it runs to {@code end}. */
    private static boolean isCandidate(byte[] bytes, int at, int end) {
        for (int k = 0; k < BODY_END.length && at + k < end; k++) {
            if (lower(bytes[at + k]) != BODY_END[k]) {
                return false;
            }
        }
        return true;
    }

    private void passThrough(byte[] bytes, int from, int to) throws IOException {
        if (from < to) {
            out.write(bytes, from, to - from);
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
        if (lower(b) == BODY_END[matched]) {
            return matched + 1;
        }
        return b == '<' ? 1 : 0; // "</body" has no other prefix that is also a suffix
    }

    private static byte lower(byte b) {
        return (b >= 'A' && b <= 'Z') ? (byte) (b + ('a' - 'A')) : b;
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
        chunks.drain(); // not flush: JAX-RS sends the body when it completes the response, in one network write
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }

    /** A {@code BufferedOutputStream} without its lock per call: a page may arrive one byte per call. */
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
