package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.mvc.MvcContext;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import org.eclipse.krazo.engine.ViewEngineContextImpl;
import org.eclipse.krazo.engine.ViewEngineFinder;
import org.eclipse.krazo.engine.Viewable;
import org.eclipse.krazo.lifecycle.EventDispatcher;

import dev.nex.jakarta.impl.page.ServletCalls;

/**
 * Renders Jakarta MVC views into the response body, in place of Krazo's {@code ViewableWriter}, which does the
 * same work but on every view asks {@code java.util.ServiceLoader} twice for the servlet unwrappers (about a
 * quarter of a request's CPU, docs/benchmarks.md) and hands the body over one byte per call.
 * Everything else is as Krazo does it: the engine Krazo's finder picks, the models with {@code mvc} bound, the
 * view events, the media type with UTF-8 unless a charset is given, a view's own charset reaching the header.
 * The view engine gets the servlet request and response Nex's filter received ({@link ServletCalls}), not the
 * CDI and JAX-RS proxies that look them up again on every call; Krazo's unwrapper SPI gives them where there
 * are none (a view written on another thread).
 *
 * <p>An interceptor rather than a second {@code MessageBodyWriter<Viewable>}: how a runtime chooses between two
 * writers of one type is not something JAX-RS implementations agree on, while the innermost interceptor always
 * runs, after every other interceptor (the page script's included) has wrapped the stream. It writes the body
 * itself and so ends the chain; any other entity goes on to its writer.
 */
@Provider
@Priority(Integer.MAX_VALUE) // innermost
public class ViewWriter implements WriterInterceptor {

    @Inject
    ViewEngineFinder engines;

    @Inject
    Instance<Models> requestModels;

    @Inject
    MvcContext mvc;

    @Inject
    EventDispatcher events;

    @Inject
    ServletUnwrappers unwrappers;

    @Inject // as Krazo injects it: the unwrappers expect what CDI gives
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    UriInfo uriInfo;

    @Context
    ResourceInfo resourceInfo;

    @Context
    Configuration configuration;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getType() != Viewable.class) {
            context.proceed();
            return;
        }
        Viewable viewable = (Viewable) context.getEntity();
        ViewEngine engine = engines.find(viewable);
        if (engine == null) {
            throw new ServerErrorException("No view engine for " + viewable.getView(),
                    Response.Status.INTERNAL_SERVER_ERROR);
        }
        MediaType mediaType = withCharset(context.getMediaType());
        context.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, mediaType);
        ServletCalls.Call call = ServletCalls.current();
        HttpServletRequest servletRequest = call != null ? call.request() : unwrappers.request(request);
        HttpServletResponse servletResponse = call != null ? call.response() : unwrappers.response(response);
        ViewResponse body = ViewResponse.into(new EntityHeadersResponse(servletResponse, mediaType,
                context.getHeaders()), context.getOutputStream());
        Models models = viewable.getModels() != null ? viewable.getModels() : requestModels.get();
        models.put("mvc", mvc);
        events.fireBeforeProcessViewEvent(engine, viewable);
        try {
            engine.processView(new ViewEngineContextImpl(viewable.getView(), models, servletRequest, body,
                    context.getHeaders(), body.getOutputStream(), mediaType, uriInfo, resourceInfo, configuration,
                    mvc.getLocale()));
        } catch (ViewEngineException e) {
            throw new ServerErrorException(Response.Status.INTERNAL_SERVER_ERROR, e);
        } finally {
            events.fireAfterProcessViewEvent(engine, viewable);
        }
        body.flushBuffer();
    }

    private static MediaType withCharset(MediaType mediaType) {
        if (mediaType == null) {
            return MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name());
        }
        return mediaType.getParameters().containsKey(MediaType.CHARSET_PARAMETER) ? mediaType
                : mediaType.withCharset(StandardCharsets.UTF_8.name());
    }

    /**
     * The servlet response as a view sees it: its content type is the view's media type, and a charset the view
     * sets (a JSP's {@code contentType}) reaches the JAX-RS headers, which are the ones sent.
     */
    private static final class EntityHeadersResponse extends HttpServletResponseWrapper {

        private final MultivaluedMap<String, Object> headers;

        EntityHeadersResponse(HttpServletResponse response, MediaType mediaType,
                MultivaluedMap<String, Object> headers) {
            super(response);
            this.headers = headers;
            super.setContentType(mediaType.toString());
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            String charset = MediaType.valueOf(type).getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null) {
                syncCharset(charset);
            }
        }

        @Override
        public void setCharacterEncoding(String charset) {
            super.setCharacterEncoding(charset);
            syncCharset(charset);
        }

        private void syncCharset(String charset) {
            Object current = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            MediaType type = current instanceof MediaType mediaType ? mediaType : MediaType.TEXT_HTML_TYPE;
            headers.putSingle(HttpHeaders.CONTENT_TYPE, type.withCharset(charset));
        }
    }
}
