package dev.nex.jakarta.impl.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.ResponseDirectives;

/**
 * SPEC 7.4: turns directives (returned by the action, or added through {@link ResponseDirectives}) into htmx
 * response headers; for a request that is not from htmx, navigation becomes {@code 303 See Other}. Runs before
 * Jakarta MVC's own response filter (Krazo's has priority 4000; response filters run highest first), which would
 * otherwise take a returned directive for a view name.
 */
@Provider
@Priority(5000)
public class DirectiveFilter implements ContainerResponseFilter {

    @Inject
    BeanManager beans;

    private volatile ExistingInstance<ResponseDirectives> collector;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean returned = response.getEntity() instanceof Directive;
        Directive directive = returned ? collected().and((Directive) response.getEntity()) : collected();
        if (returned) {
            response.setEntity(null);
            response.setStatus(Response.Status.OK.getStatusCode());
        }
        if (directive.equals(Directive.none())) {
            return;
        }
        if ("true".equals(request.getHeaderString("HX-Request"))) {
            directive.headers().forEach(response.getHeaders()::putSingle);
            return;
        }
        URI target = directive.navigation().map(request.getUriInfo().getBaseUri()::resolve)
                .orElse(directive.isRefresh() ? thePage(request) : null);
        if (target != null) {
            response.setStatus(Response.Status.SEE_OTHER.getStatusCode());
            response.getHeaders().putSingle(HttpHeaders.LOCATION, target);
            response.setEntity(null);
        } else if (returned) {
            response.setStatus(Response.Status.NO_CONTENT.getStatusCode()); // htmx-only directives: nothing to do
        }
    }

    /**
     * The directives the request collected: none if nothing injected {@link ResponseDirectives} (an existing
     * instance is asked for, so most responses build no collector), and none where the response is written on
     * another thread than the request's (an asynchronous action resumed by an executor), whose request scope is
     * not active: such an action returns its directive instead.
     */
    private Directive collected() {
        ExistingInstance<ResponseDirectives> lookup = collector;
        if (lookup == null) {
            lookup = new ExistingInstance<>(beans, ResponseDirectives.class);
            collector = lookup;
        }
        ResponseDirectives collected = lookup.get();
        return collected == null ? Directive.none() : collected.merged();
    }

    /** The page a plain request came from: its same-origin Referer, else the requested URL itself. */
    private static URI thePage(ContainerRequestContext request) {
        URI requested = request.getUriInfo().getRequestUri();
        String referer = request.getHeaderString("Referer");
        if (referer != null) {
            try {
                URI page = new URI(referer);
                if (requested.getScheme().equals(page.getScheme())
                        && requested.getAuthority().equals(page.getAuthority())) {
                    return page;
                }
            } catch (URISyntaxException e) {
                // a malformed Referer is no page of ours
            }
        }
        return requested;
    }
}
