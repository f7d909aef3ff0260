package dev.nex.jakarta.impl.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;
import dev.nex.jakarta.impl.state.PageBusyException;
import dev.nex.jakarta.impl.state.UnreadablePageException;
import dev.nex.jakarta.impl.upload.MultipartRefusal;
import dev.nex.jakarta.impl.upload.MultipartRefusedException;

/**
 * SPEC 7.6, 7.8: error responses an htmx request can show and a person can read. An unexpected exception is a
 * logged 500 whose details stay out of the response; platform exceptions keep their status and headers (404,
 * 405, Jakarta MVC's CSRF 403, redirects), and those by which the JAX-RS runtime refuses a bad request get its
 * 4xx ({@link RequestFaults}), logged at FINE only. Then every error response without a body gets one: a fragment
 * ({@code <div class="nex-error" role="alert">}) for htmx, a small page otherwise. State written before an
 * error stays as written: page state has no rollback.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<Throwable>, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Inject
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable error) {
        Optional<MultipartRefusedException> refusedUpload = MultipartRefusal.of(request);
        if (refusedUpload.isPresent()) {
            // whatever the runtime's parser made of the refusal it read
            LOG.log(Level.FINE, "Multipart body refused", error);
            return Response.status(refusedUpload.get().status()).build();
        }
        // both wherever the state was first used, in a view included
        Optional<PageBusyException> busy = cause(error, PageBusyException.class);
        if (busy.isPresent()) { // SPEC 5.6
            LOG.info(busy.get().getMessage());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        if (cause(error, UnreadablePageException.class).isPresent()) { // SPEC 10.8: logged where it was found
            return Response.ok().header("HX-Refresh", "true").build();
        }
        if (error instanceof WebApplicationException platform) {
            return platform.getResponse();
        }
        OptionalInt refused = RequestFaults.statusOf(error);
        if (refused.isPresent()) {
            LOG.log(Level.FINE, "Request refused by the JAX-RS runtime", error);
            return Response.status(refused.getAsInt()).build();
        }
        return unexpected(error);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** An exception that is a bug: logged with the page it happened on, answered 500 without details. */
    static Response unexpected(Throwable error) {
        PageBinding page = PageBindingHolder.current();
        LOG.log(Level.SEVERE, "Request failed" + (page == null ? ""
                : " on page " + new PageEvent(page.pageId(), Optional.empty()).shortId()), error);
        return Response.serverError().build();
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        String message;
        if (status == Response.Status.FORBIDDEN.getStatusCode()) {
            message = "This request was refused. Reload the page and try again.";
        } else if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            message = "This page is busy. Try again in a moment.";
        } else if (status >= 500) {
            message = "Something went wrong.";
        } else {
            message = reason(status);
        }
        String body = "true".equals(request.getHeader("HX-Request"))
                ? "<div class=\"nex-error\" role=\"alert\" data-status=\"" + status + "\">" + Html.escape(message)
                        + "</div>"
                : "<!DOCTYPE html><html><head><title>" + status + "</title></head><body><h1>" + status + "</h1><p>"
                        + Html.escape(message) + "</p></body></html>";
        response.setEntity(markup(body), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /**
     * Markup Nex wrote and escaped itself, as the entity of an error response: bytes, not a String, because
     * RESTEasy's message sanitizer escapes every String entity of a 400 {@code text/html} response once more.
     */
    static byte[] markup(String html) {
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Request refused" : known.getReasonPhrase();
    }
}
