package dev.nex.jakarta.impl.page;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Page state used by a request that carries no page id (a plain form post, an htmx request without the page
 * script): the client's fault, so 400 with the reason, not a 500 (SPEC 4.5).
 */
@Provider
public class NoPageBoundMapper implements ExceptionMapper<ContextNotActiveException> {

    @Override
    public Response toResponse(ContextNotActiveException exception) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("This request is not bound to a page: send the page id header.").build();
    }
}
