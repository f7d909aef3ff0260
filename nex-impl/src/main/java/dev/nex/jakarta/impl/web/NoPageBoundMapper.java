package dev.nex.jakarta.impl.web;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.impl.state.NoPageBoundException;

/**
 * Page state used by a request that carries no page id (a plain form post, an htmx request without the page
 * script): the client's fault, so 400 with the reason, not a 500 (SPEC 4.5). That is the store's
 * {@link NoPageBoundException}, or CDI's own exception for a {@code @PageScoped} bean called while no page is
 * bound. Any other inactive context (an application's misused {@code @ConversationScoped}, say) is a bug of the
 * application, answered as every unexpected exception is ({@link ErrorResponses}).
 */
@Provider
public class NoPageBoundMapper implements ExceptionMapper<ContextNotActiveException> {

    @Override
    public Response toResponse(ContextNotActiveException exception) {
        if (!isAboutPages(exception)) {
            return ErrorResponses.unexpected(exception);
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("This request is not bound to a page: send the page id header.").build();
    }

    /** CDI names the scope whose context is not active (Weld: "WELD-001303: No active contexts for scope type …"). */
    private static boolean isAboutPages(ContextNotActiveException exception) {
        return exception instanceof NoPageBoundException
                || String.valueOf(exception.getMessage()).contains(PageScoped.class.getName());
    }
}
