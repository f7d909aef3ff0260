package dev.nex.jakarta.tck.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Pages for the script placement rules and for boosted navigation. */
@Controller
@Path("pages")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class OtherPagesController {

    @GET
    @Path("placed")
    public String placedByTemplate() {
        return "placed.jsp";
    }

    @GET
    @Path("bodyless")
    public String withoutBodyEnd() {
        return "bodyless.jsp";
    }

    @GET
    @Path("home")
    public String home() {
        return "home.jsp";
    }
}
