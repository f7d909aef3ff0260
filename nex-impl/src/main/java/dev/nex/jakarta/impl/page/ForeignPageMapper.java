package dev.nex.jakarta.impl.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.impl.state.ForeignPageException;

/** A write to a page another session started in the meantime (SPEC 3.2): 403, nothing touched. */
@Provider
public class ForeignPageMapper implements ExceptionMapper<ForeignPageException> {

    @Override
    public Response toResponse(ForeignPageException exception) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(exception.getMessage() + ".").build();
    }
}
