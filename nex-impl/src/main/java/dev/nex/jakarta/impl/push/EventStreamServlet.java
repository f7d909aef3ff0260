package dev.nex.jakarta.impl.push;

import java.io.IOException;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.PlainRejection;
import dev.nex.jakarta.impl.page.StreamTickets;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * A page's event stream (SPEC 12.1, 12.3) at {@value StreamTickets#STREAM_PATH}. The page filter has bound the page
 * its ticket names, or answered 400 (malformed ticket) or 403 (another session's page); here the stream opens on
 * that page, or is refused with 429 when its session holds too many. The stream of a page that is gone gets the
 * final event at once, so the browser does not reconnect; a request without a ticket is a 400.
 */
public class EventStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** What the browser waits before it reconnects a stream that broke. */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    @Inject
    transient PushStreams streams;

    @Inject
    transient NexSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long resumeAfter;
        try {
            resumeAfter = sequence(request.getHeader("Last-Event-ID"));
        } catch (NumberFormatException e) {
            PlainRejection.send(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed Last-Event-ID header.");
            return;
        }
        PageBinding binding = PageBindingHolder.current();
        if (binding == null && request.getAttribute(StreamTickets.PAGE_GONE) == null) {
            PlainRejection.send(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Open a page's event stream with its stream URL.");
            return;
        }
        if (binding == null) {
            start(request, response).end();
        } else if (!streams.open(binding.stateForWrite(), resumeAfter, () -> start(request, response))) {
            response.setHeader("Retry-After", Long.toString(settings.push().heartbeat().toSeconds()));
            PlainRejection.send(response, 429,
                    "This session has " + settings.push().maxPerSession() + " event streams open.");
        }
    }

    private static ServletEventStream start(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on as they come
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // open as long as the page lives
        return new ServletEventStream(async, RECONNECT_DELAY.toMillis());
    }

    /** The sequence a reconnecting browser received last, or {@code null}. */
    private static Long sequence(String lastEventId) {
        if (lastEventId == null || lastEventId.isEmpty()) {
            return null;
        }
        if (lastEventId.length() > 18 || !lastEventId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(lastEventId);
        }
        return Long.parseLong(lastEventId);
    }
}
