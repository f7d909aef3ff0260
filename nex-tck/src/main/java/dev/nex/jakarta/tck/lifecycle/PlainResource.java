package dev.nex.jakarta.tck.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A full-page GET that is not HTML: nothing may be injected into it. */
@Path("plain")
@RequestScoped
public class PlainResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String text() {
        return "<html><body>not html</body></html>";
    }
}
