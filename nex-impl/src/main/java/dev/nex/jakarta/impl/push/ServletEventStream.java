package dev.nex.jakarta.impl.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;

import dev.nex.jakarta.PagePush;

/**
 * An {@link EventStream} over a servlet response in asynchronous mode, written with blocking writes by the drain
 * that owns it, in the {@code text/event-stream} format (one {@code data:} line per line of HTML). Blocking, not
 * the servlet's non-blocking output: a non-blocking response closed after its browser went away makes Undertow
 * (WildFly) log an ERROR per stream, while a blocking write or close simply fails, which is all a browser that
 * went away is. A write that hangs is cut off by the heartbeat ({@link PageChannel#heartbeat}).
 */
final class ServletEventStream implements EventStream {

    private static final Logger LOG = Logger.getLogger(ServletEventStream.class.getName());
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final long reconnectMillis;
    private final AtomicBoolean closed = new AtomicBoolean();

    ServletEventStream(AsyncContext async, long reconnectMillis) throws IOException {
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        this.reconnectMillis = reconnectMillis;
    }

    @Override
    public void open() throws IOException {
        write(": nex\nretry: " + reconnectMillis + "\n\n");
    }

    @Override
    public void send(PushedEvent event) throws IOException {
        writeOnly(frame(Long.toString(event.sequence()), event.name(), event.html()));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void heartbeat() throws IOException {
        write(":\n\n");
    }

    @Override
    public void end() throws IOException {
        try {
            write(frame(null, PagePush.END_EVENT, "end"));
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (RuntimeException e) { // the container gave up on the request already
                LOG.log(Level.FINE, "An event stream was closed already", e);
            }
        }
    }

    /** One event in the {@code text/event-stream} format; {@code id} may be {@code null}. */
    static String frame(String id, String name, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 48);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(name).append('\n');
        for (String line : LINE_BREAK.split(data, -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString();
    }

    private void write(String text) throws IOException {
        writeOnly(text);
        out.flush();
    }

    private void writeOnly(String text) throws IOException {
        if (closed.get()) {
            throw new IOException("The event stream is closed");
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
