package dev.nex.jakarta.impl.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.impl.NexExtension;

/**
 * SPEC 7.5, Nex compatibility: an htmx action posted to a single-segment path that no resource answers
 * ({@code hx-post="…/add_item"}) goes to that action of the page it came from: {@code cart} + {@code add_item}
 * → {@code cart/add_item}, the page being its same-origin {@code Referer}. GETs, boosted requests and other
 * origins are never rewritten, nor is anything a resource answers as it is.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RefererActions implements ContainerRequestFilter {

    @Inject
    NexExtension extension;

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || !"true".equals(request.getHeaderString("HX-Request"))
                || "true".equals(request.getHeaderString("HX-Boosted"))) {
            return;
        }
        String action = request.getUriInfo().getPath();
        String segment = action.startsWith("/") ? action.substring(1) : action;
        RouteIndex routes = extension.routes();
        if (segment.isEmpty() || segment.contains("/") || routes.matches(segment)) {
            return;
        }
        String page = refererPage(request);
        if (page == null) {
            return;
        }
        String rewritten = page.isEmpty() ? segment : page + "/" + segment;
        if (routes.matches(rewritten)) {
            URI base = request.getUriInfo().getBaseUri();
            request.setRequestUri(base, UriBuilder.fromUri(base).path(rewritten)
                    .replaceQuery(request.getUriInfo().getRequestUri().getRawQuery()).build());
        }
    }

    /** The Referer's path relative to the application, if it is a same-origin page of this application. */
    private static String refererPage(ContainerRequestContext request) {
        String referer = request.getHeaderString("Referer");
        if (referer == null) {
            return null;
        }
        URI base = request.getUriInfo().getBaseUri();
        try {
            URI page = new URI(referer);
            if (!base.getScheme().equalsIgnoreCase(String.valueOf(page.getScheme()))
                    || !base.getRawAuthority().equalsIgnoreCase(String.valueOf(page.getRawAuthority()))
                    || page.getRawPath() == null || !page.getRawPath().startsWith(base.getRawPath())) {
                return null;
            }
            String path = page.getRawPath().substring(base.getRawPath().length());
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
