package dev.nex.jakarta.tck.lifecycle;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A full-page GET that is not HTML: nothing may be injected into it. And an action failing with an inactive
 * context of the application's own, which is its bug, not a request without a page.
 */
@Path("plain")
@RequestScoped
public class PlainResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String text() {
        return "<html><body>not html</body></html>";
    }

    @POST
    @Path("inactive-context")
    public String inactiveContext() {
        throw new ContextNotActiveException("a context of the application's own is not active");
    }
}
