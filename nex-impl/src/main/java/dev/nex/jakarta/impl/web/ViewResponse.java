package dev.nex.jakarta.impl.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response a view engine renders into: the body goes to the JAX-RS entity stream, or into memory for a page
 * that a layout will wrap; headers and status reach the real response.
 *
 * <p>It never commits the real response. A servlet container commits the response it was given when a forward
 * ends (Servlet 9.4); Open Liberty does so through the wrapper's {@code flushBuffer}, which would send the
 * servlet response before JAX-RS writes the headers its filters set (Cache-Control, Vary, htmx directives).
 * Here flushing only moves the view's text into the body; JAX-RS commits and sends the response when the entity is
 * written. A flush that reached the network before then would cost a write of its own per view.
 */
final class ViewResponse extends HttpServletResponseWrapper {

    private final OutputStream body;
    private ServletOutputStream stream;
    private PrintWriter writer;

    private ViewResponse(HttpServletResponse response, OutputStream body) {
        super(response);
        this.body = body;
    }

    /** Renders into {@code entity}, the stream JAX-RS writes the response body from. */
    static ViewResponse into(HttpServletResponse response, OutputStream entity) {
        return new ViewResponse(response, entity);
    }

    /** Renders into memory; {@link #text()} has the result. */
    static ViewResponse inMemory(HttpServletResponse response) {
        return new ViewResponse(response, new ByteArrayOutputStream(8192));
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    body.write(bytes, offset, length);
                }

                /** Nothing: the body is JAX-RS's to send, once the whole view is written (as Krazo does). */
                @Override
                public void flush() {
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("view rendering is synchronous");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            // through the stream, whose close() leaves the body open: containers close the writer after a forward
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    /** Hands what the writer holds to the body; sending it is left to JAX-RS, which does it in one go. */
    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** Clears what is still in memory; what went to the entity stream is JAX-RS's already. */
    @Override
    public void resetBuffer() {
        if (body instanceof ByteArrayOutputStream memory) {
            memory.reset();
        }
    }

    @Override
    public void reset() {
        resetBuffer();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    /** Everything rendered into memory, as text in the response's character encoding. */
    String text() {
        return ((ByteArrayOutputStream) body).toString(Charset.forName(getCharacterEncoding()));
    }
}
