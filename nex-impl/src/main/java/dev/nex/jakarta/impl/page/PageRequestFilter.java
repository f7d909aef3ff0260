package dev.nex.jakarta.impl.page;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.nex.jakarta.impl.config.ExpiredPagePolicy;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.PageIdCodec.PresentedId;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.PageStateBackend.Lookup;

/**
 * Binds every request to its page (SPEC 2, 3): classifies it, mints an id for a full page, checks the id of an
 * action, and answers bad ids itself (400 malformed, 403 another session's page, {@code HX-Refresh} for an
 * expired page under {@code nex.page.expired=refresh}) before any application code runs. A container's error page
 * is bound as its request is, so a view rendered as an error page is a page like any other (or a fragment, after
 * an action).
 */
public class PageRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PageStateBackend states;

    @Inject
    transient PageIdCodec ids;

    @Inject
    transient StreamTickets tickets;

    @Inject
    transient PageLifecycle lifecycle;

    @Inject
    transient NexSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR && PageBindingHolder.current() != null) {
            // the container renders the error page within the request's own filter call (Open Liberty): its page
            // is still bound. Elsewhere the error dispatch comes after that call, and is bound like a request.
            chain.doFilter(request, response);
            return;
        }
        ServletCalls.Call previous = ServletCalls.bind(request, response);
        try {
            bindPage(request, response, chain);
        } finally {
            ServletCalls.restore(previous);
        }
    }

    private void bindPage(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PageBinding binding;
        RequestKind kind = RequestKind.classify(request.getMethod(), isTrue(request, "HX-Request"),
                isTrue(request, "HX-Boosted"), isTrue(request, "HX-History-Restore-Request"),
                StreamTickets.STREAM_PATH.equals(request.getServletPath()));
        if (kind == RequestKind.FULL_PAGE) {
            String id = ids.mint(Instant.now().getEpochSecond());
            response.setHeader(settings.pageHeader(), id);
            // now, while the response is surely uncommitted: the page script's CSRF token derives from it
            BrowserKey.ensure(request, response);
            binding = PageBinding.withoutState(id, true, states, () -> PageOwners.ensure(request));
        } else {
            Presented presented = kind == RequestKind.EVENT_STREAM ? streamTicket(request, response)
                    : pageHeader(request, response);
            if (presented == null) {
                return; // answered
            }
            if (presented.id() == null) {
                chain.doFilter(request, response); // no page: page state is unavailable (SPEC 2, 4.5)
                return;
            }
            binding = bindPresented(presented, request, response);
            if (binding == null) {
                if (request.getAttribute(StreamTickets.PAGE_GONE) != null) {
                    chain.doFilter(request, response); // the stream ends at once (SPEC 12.1)
                }
                return; // answered
            }
        }
        PageBinding previous = PageBindingHolder.bind(binding);
        try {
            chain.doFilter(request, response);
        } finally {
            PageBindingHolder.restore(previous);
            if (request.isAsyncStarted() && kind != RequestKind.EVENT_STREAM) {
                // SPEC 6.8: the page stays in use (not ended under it) until the asynchronous request completes.
                // Not so for its event stream: that stays open for the page's whole life, and ends with it
                request.getAsyncContext().addListener(new ReleaseOnCompletion(binding));
            } else {
                binding.release();
            }
        }
    }

    /** A page id as a request presented it ({@code null}: none), and whether it opens the page's stream. */
    private record Presented(String id, boolean stream) {
    }

    /** The page the action's header names, or {@code null} after answering the request. */
    private Presented pageHeader(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> values = Collections.list(request.getHeaders(settings.pageHeader()));
        if (values.size() > 1) {
            PlainRejection.send(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Send exactly one " + settings.pageHeader() + " header.");
            return null;
        }
        return new Presented(values.isEmpty() ? null : values.get(0), false);
    }

    /** The page the stream's ticket names, or {@code null} after answering the request. */
    private Presented streamTicket(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] values = request.getParameterValues(StreamTickets.PARAMETER);
        if (values == null) {
            return new Presented(null, true);
        }
        try {
            if (values.length > 1) {
                throw new MalformedPageIdException();
            }
            Optional<String> pageId = tickets.pageId(values[0]);
            if (pageId.isEmpty()) {
                request.setAttribute(StreamTickets.PAGE_GONE, Boolean.TRUE); // no page of ours: nothing to stream
                return new Presented(null, true);
            }
            return new Presented(pageId.get(), true);
        } catch (MalformedPageIdException e) {
            PlainRejection.send(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed stream ticket.");
            return null;
        }
    }

    /**
     * SPEC 6.7: the one place that ends the pages at undeploy. Containers destroy filters before the application's
     * sessions and before its CDI contexts: the pages end for their reason, SHUTDOWN, not SESSION_ENDED, while
     * their observers' beans still work. No page exists that no request brought through this filter.
     */
    @Override
    public void destroy() {
        lifecycle.nodeStopping();
        states.shutdown();
    }

    /**
     * The binding for a presented page id, or {@code null} after answering the request; also {@code null}, but
     * unanswered and marked {@link StreamTickets#PAGE_GONE}, for the stream of a page that is gone under
     * {@code nex.page.expired=refresh}.
     */
    private PageBinding bindPresented(Presented presented, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PresentedId id;
        try {
            id = ids.check(presented.id());
        } catch (MalformedPageIdException e) {
            PlainRejection.send(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Malformed " + settings.pageHeader() + " header.");
            return null;
        }
        // a stream lasts as long as its page: it goes by its browser's key and leaves the session alone; without
        // that key it is no browser of the page's
        String streamOwner = presented.stream() ? PageOwners.ofBrowser(request) : null;
        Lookup lookup = presented.stream() && streamOwner == null ? new Lookup(PageStateBackend.Found.FOREIGN, null)
                : states.lookup(id.value(), presented.stream() ? streamOwner : PageOwners.of(request));
        switch (lookup.found()) {
            case LIVE:
                return PageBinding.live(lookup.page(), states);
            case FOREIGN:
                PlainRejection.send(response, HttpServletResponse.SC_FORBIDDEN,
                        "This page belongs to another session.");
                return null;
            default:
                // a page of ours that has stored nothing yet runs; an expired or unknown one as configured
                boolean fresh = lookup.found() == PageStateBackend.Found.ABSENT && isFresh(id);
                if (!fresh && settings.expiredPolicy() == ExpiredPagePolicy.REFRESH) {
                    if (presented.stream()) {
                        request.setAttribute(StreamTickets.PAGE_GONE, Boolean.TRUE);
                    } else {
                        response.setStatus(HttpServletResponse.SC_OK);
                        response.setHeader("HX-Refresh", "true");
                    }
                    return null;
                }
                // RESET: the action runs against empty state under the presented id (SPEC 3.4)
                return PageBinding.withoutState(id.value(), false, states,
                        presented.stream() ? () -> streamOwner : () -> PageOwners.ensure(request));
        }
    }

    /** Minted by us within the TTL: a page that never stored anything, not an expired one (SPEC 3.4). */
    private boolean isFresh(PresentedId id) {
        long ageSeconds = Instant.now().getEpochSecond() - id.mintedSecond();
        return id.ours() && ageSeconds >= 0 && ageSeconds <= settings.pageTtl().toSeconds();
    }

    private static boolean isTrue(HttpServletRequest request, String header) {
        return "true".equalsIgnoreCase(request.getHeader(header));
    }
}
