package dev.nex.jakarta.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;


/**
 * A page's event stream (SPEC 12) read as a browser's {@code EventSource} reads it (the WHATWG rules: fields,
 * multi-line data, comments), on a thread of its own, so a test takes the events as they arrive.
 * <pre>{@code
 * NexPage page = NexClient.at(base).open("import");
 * try (PageEvents events = page.events()) {                  // the page's sse-connect URL
 *     page.post("import/start", Map.of()).assertStatus(200);
 *     PageEvents.Frame first = events.nextEvent(Duration.ofSeconds(10));
 *     assertEquals("progress", first.event());
 * }
 * }</pre>
 */
public final class PageEvents implements AutoCloseable {

    /**
     * One dispatched event, or a comment.
     *
     * @param id      the {@code id} field, or {@code null}
     * @param event   the {@code event} field ({@code message} if none), or {@code null} for a comment
     * @param data    the data lines joined by {@code \n}, or the comment's text
     */
    public record Frame(String id, String event, String data) {

        public boolean isComment() {
            return event == null;
        }
    }

    /** Put on the queue when the server closes the stream. */
    private static final Frame END_OF_STREAM = new Frame(null, null, "end of stream");

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final String refusal;

    private PageEvents(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        if (response.statusCode() == 200) {
            refusal = null;
            Thread reader = new Thread(this::read, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        } else {
            try (InputStream body = response.body()) {
                refusal = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Opens the stream at {@code path} (relative to the client's base, or absolute) with extra header pairs, such
     * as {@code Last-Event-ID}; {@link NexPage#events} finds the page's own.
     */
    public static PageEvents open(WebClient client, String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = "text/event-stream";
        System.arraycopy(headers, 0, all, 2, headers.length);
        try {
            return new PageEvents(client.send(client.request(path, all).GET(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The body of a refused stream (any status but 200). */
    public String refusal() {
        return refusal;
    }

    /** The next event (comments skipped), or an {@link AssertionError} if none comes within {@code patience}. */
    public Frame nextEvent(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (;;) {
            Frame frame = poll(deadline);
            if (frame == null) {
                throw new AssertionError("No event within " + patience);
            }
            if (frame == END_OF_STREAM) {
                throw new AssertionError("The stream ended before the next event");
            }
            if (!frame.isComment()) {
                return frame;
            }
        }
    }

    /** The next {@code count} events. */
    public List<Frame> nextEvents(int count, Duration patience) {
        List<Frame> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(nextEvent(patience));
        }
        return events;
    }

    /** The next frame, comments included; {@code null} if none within {@code patience} or the stream ended. */
    public Frame nextFrame(Duration patience) {
        Frame frame = poll(System.nanoTime() + patience.toNanos());
        return frame == END_OF_STREAM ? null : frame;
    }

    /** Whether the server closes the stream within {@code patience}, after any frames still coming. */
    public boolean endsWithin(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (;;) {
            Frame frame = poll(deadline);
            if (frame == null) {
                return false;
            }
            if (frame == END_OF_STREAM) {
                return true;
            }
        }
    }

    private Frame poll(long deadlineNanos) {
        try {
            return frames.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(id, event == null ? "message" : event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, line.substring(1).trim()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields: nothing to dispatch
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed by close(), or by the server: the end of the stream either way
        } finally {
            frames.add(END_OF_STREAM);
        }
    }

    /** Closes the connection, as a browser does when its tab goes away. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // gone already
        }
    }
}
