package dev.nex.jakarta.impl.push;

import java.io.IOException;

/**
 * One open connection to a browser's {@code EventSource}. Each call writes and waits until written, so only a
 * drain task ({@link PageChannel}) calls it, never a sender; any failure means the browser is gone.
 */
interface EventStream {

    /** The first write: sends the response's headers, so the browser's {@code EventSource} opens at once. */
    void open() throws IOException;

    /** Writes an event without flushing it: a drain writes all events due, then {@link #flush}es once. */
    void send(PushedEvent event) throws IOException;

    /** Sends what {@link #send} wrote on to the browser. */
    void flush() throws IOException;

    /** A comment line: keeps proxies from closing an idle stream, and finds a browser that went away. */
    void heartbeat() throws IOException;

    /** The final event ({@value dev.nex.jakarta.PagePush#END_EVENT}), then closes. */
    void end() throws IOException;

    /** Closes without a final event (the stream was replaced, or failed). Never throws. */
    void close();
}
