package dev.nex.jakarta.impl.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * SPEC 7.1: a full page is never cached (its page id must be new on every load) and GET answers depend on
 * {@code HX-Request} (page or fragment).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class FullPageHeadersFilter implements ContainerResponseFilter {

    /** Krazo's view entity: its media type may be unset or generic on some JAX-RS implementations. */
    private static final String VIEWABLE = "org.eclipse.krazo.engine.Viewable";

    static boolean isHtml(MediaType mediaType, Class<?> entityType) {
        return (mediaType != null && MediaType.TEXT_HTML_TYPE.isCompatible(mediaType)
                && !mediaType.isWildcardType())
                || (entityType != null && entityType.getName().equals(VIEWABLE));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            response.getHeaders().add(HttpHeaders.VARY, "HX-Request");
        }
        PageBinding binding = PageBindingHolder.current();
        if (binding != null && binding.isNew() && isHtml(response.getMediaType(), response.getEntityClass())) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
