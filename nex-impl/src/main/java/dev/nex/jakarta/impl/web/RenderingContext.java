package dev.nex.jakarta.impl.web;

import java.io.OutputStream;
import java.util.Locale;

import jakarta.mvc.Models;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * The view engine context of one rendering step: a view and the response it renders into, for both the engines
 * that write to the context's stream and those that forward to the servlet response.
 */
final class RenderingContext implements ViewEngineContext {

    private final ViewEngineContext original;
    private final String view;
    private final ViewResponse response;

    /** Renders {@code view} like {@code original} would, into {@code response}. */
    RenderingContext(ViewEngineContext original, String view, ViewResponse response) {
        this.original = original;
        this.view = view;
        this.response = response;
    }

    @Override
    public String getView() {
        return view;
    }

    @Override
    public OutputStream getOutputStream() {
        return response.getOutputStream();
    }

    @Override
    public <T> T getResponse(Class<T> type) {
        if (type.isAssignableFrom(HttpServletResponse.class)) {
            return type.cast(response);
        }
        return original.getResponse(type);
    }

    @Override
    public Models getModels() {
        return original.getModels();
    }

    @Override
    public <T> T getRequest(Class<T> type) {
        return original.getRequest(type);
    }

    @Override
    public MultivaluedMap<String, Object> getResponseHeaders() {
        return original.getResponseHeaders();
    }

    @Override
    public Locale getLocale() {
        return original.getLocale();
    }

    @Override
    public MediaType getMediaType() {
        return original.getMediaType();
    }

    @Override
    public Configuration getConfiguration() {
        return original.getConfiguration();
    }

    @Override
    public UriInfo getUriInfo() {
        return original.getUriInfo();
    }

    @Override
    public ResourceInfo getResourceInfo() {
        return original.getResourceInfo();
    }
}
