package dev.nex.jakarta.impl.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@code multipart/form-data} body (RFC 7578, RFC 2046 5.1), checked byte by byte while the JAX-RS runtime reads
 * it: the runtimes' parsers are lenient (RESTEasy takes a body cut short, or with another boundary, as fewer or no
 * parts) and know no size limit of Nex's. The scanner finds each delimiter and reads each part's headers, and
 * throws instead of passing on
 * <ul>
 * <li>a part's content over the part limit, or a body over the request limit: 413;</li>
 * <li>a body that ends before its closing delimiter (so also one without any), or without a part the action reads
 * as a file ({@link PartRules#missing}); a part without a form-data name, of a type that is no media type, or with
 * headers over {@value #MAX_HEADER_BYTES} bytes or a header line over {@value #MAX_HEADER_LINE}: 400;</li>
 * <li>a part of a type its {@link PartRules rule} refuses: 415 (a file input left empty has no type to refuse).</li>
 * </ul>
 * The refusal is thrown again on every later read, and handed to {@code onRefusal} first.
 */
final class MultipartScanner extends InputStream {

    static final int BAD_REQUEST = 400;
    static final int TOO_LARGE = 413;
    static final int UNSUPPORTED_TYPE = 415;
    static final int MAX_HEADER_BYTES = 8192;
    /** RFC 5322, 2.1.1: a header line is at most 998 characters (mime4j, in RESTEasy, fails on longer ones). */
    static final int MAX_HEADER_LINE = 998;
    /** CR LF CR LF. */
    private static final int EMPTY_LINE = 0x0d0a0d0a;

    private enum State { BODY, AFTER_DELIMITER, HEADERS, CLOSED }

    private final InputStream body;
    private final byte[] delimiter;
    /** For each length of a partial match of {@link #delimiter}, the length of the match to go on from (KMP). */
    private final int[] fallback;
    private final long maxPart;
    private final long maxRequest;
    private final PartRules rules;
    private final Consumer<MultipartRefusedException> onRefusal;

    private State state = State.BODY;
    /** Bytes of the delimiter matched. The first delimiter may open the body: as if the CRLF it starts with came. */
    private int matched = 2;
    private boolean inPart;
    private long total;
    private long partBytes;
    private final ByteArrayOutputStream headers = new ByteArrayOutputStream();
    /** The last four header bytes, to see the empty line that ends them. */
    private int lastHeaderBytes;
    private int headerLine;
    private int afterDelimiter = -1;
    private MultipartRefusedException refusal;
    /** The names of the parts so far. */
    private final Set<String> seen = new HashSet<>();

    MultipartScanner(InputStream body, String boundary, long maxPart, long maxRequest, PartRules rules,
                     Consumer<MultipartRefusedException> onRefusal) {
        this.body = body;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.fallback = fallbackOf(delimiter);
        this.maxPart = maxPart;
        this.maxRequest = maxRequest;
        this.rules = rules;
        this.onRefusal = onRefusal;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read;
        do {
            read = read(one, 0, 1);
        } while (read == 0);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (refusal != null) {
            throw refusal;
        }
        int read = body.read(buffer, offset, length);
        if (read < 0) {
            if (state != State.CLOSED) {
                refuse(new MultipartRefusedException(BAD_REQUEST, "The body ends before its closing boundary"));
            }
            return read;
        }
        for (int i = offset; i < offset + read; i++) {
            scan(buffer[i]);
        }
        return read;
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private void scan(byte next) throws MultipartRefusedException {
        if (++total > maxRequest) {
            refuse(new MultipartRefusedException(TOO_LARGE, "The multipart body is over " + maxRequest + " bytes"));
        }
        switch (state) {
            case BODY -> {
                partBytes++;
                advance(next);
                if (matched == delimiter.length) {
                    state = State.AFTER_DELIMITER;
                    matched = 0;
                    partBytes = 0;
                    inPart = true;
                } else if (inPart && partBytes - matched > maxPart) {
                    refuse(new MultipartRefusedException(TOO_LARGE, "A part is over " + maxPart + " bytes"));
                }
            }
            case AFTER_DELIMITER -> {
                partBytes++;
                if (afterDelimiter < 0) {
                    afterDelimiter = next & 0xff;
                } else if (afterDelimiter == '-' && next == '-') {
                    state = State.CLOSED;
                    Optional<MultipartRefusedException> missing = rules.missing(seen);
                    if (missing.isPresent()) {
                        refuse(missing.get());
                    }
                } else {
                    state = State.HEADERS;
                    headers.reset();
                    lastHeaderBytes = 0;
                    headerLine = 0;
                    headerByteRead((byte) afterDelimiter);
                    afterDelimiter = -1;
                    headerByteRead(next);
                }
            }
            case HEADERS -> {
                partBytes++;
                headerByteRead(next);
            }
            case CLOSED -> {
                // the epilogue, which RFC 2046 says to ignore
            }
        }
    }

    /** One step of the search for the delimiter (Knuth-Morris-Pratt). */
    private void advance(byte next) {
        while (matched > 0 && delimiter[matched] != next) {
            matched = fallback[matched];
        }
        if (delimiter[matched] == next) {
            matched++;
        }
    }

    /** The headers end with an empty line; the line after the delimiter (its CRLF) comes first. */
    private void headerByteRead(byte next) throws MultipartRefusedException {
        headers.write(next);
        lastHeaderBytes = lastHeaderBytes << 8 | next & 0xff;
        headerLine = next == '\n' ? 0 : headerLine + 1;
        if (headers.size() > MAX_HEADER_BYTES || headerLine > MAX_HEADER_LINE + 1) {
            refuse(new MultipartRefusedException(BAD_REQUEST, "A part's headers are over " + MAX_HEADER_BYTES
                    + " bytes, or a line of them over " + MAX_HEADER_LINE));
        }
        if (lastHeaderBytes == EMPTY_LINE) {
            checkPart(new String(headers.toByteArray(), 0, headers.size() - 2, StandardCharsets.UTF_8));
            state = State.BODY;
            partBytes = 0; // the limit is on the content
        }
    }

    private void checkPart(String headerLines) throws MultipartRefusedException {
        String[] lines = headerLines.split("\r\n", -1);
        if (!lines[0].isBlank()) {
            refuse(new MultipartRefusedException(BAD_REQUEST, "Text after a multipart boundary on its line"));
        }
        FormDataDisposition disposition = null;
        String contentType = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String header = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (header.equals("content-disposition")) {
                disposition = FormDataDisposition.parse(value).orElse(null);
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (disposition == null) {
            refuse(new MultipartRefusedException(BAD_REQUEST, "A multipart part without a form-data name"));
        }
        seen.add(disposition.name());
        Optional<MultipartRefusedException> unreadable = rules.refusal(disposition, contentType);
        if (unreadable.isPresent()) {
            refuse(unreadable.get());
        }
    }

    private void refuse(MultipartRefusedException why) throws MultipartRefusedException {
        refusal = why;
        onRefusal.accept(why);
        throw why;
    }

    private static int[] fallbackOf(byte[] pattern) {
        int[] fallback = new int[pattern.length + 1];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = fallback[k];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            fallback[i + 1] = k;
        }
        return fallback;
    }
}
