package dev.nex.jakarta.tck.harness;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A page (JSP + htmx) and an htmx action returning a fragment: the smallest Jakarta MVC + htmx app. */
@Path("harness")
@Controller
@RequestScoped // Krazo on Jersey only accepts controllers that are CDI beans
@Produces(MediaType.TEXT_HTML) // RESTEasy would otherwise serve the view as application/octet-stream
public class HarnessController {

    @Inject
    Models models;

    @GET
    public String page() {
        return "harness.jsp";
    }

    @POST
    @Path("greet")
    public String greet(@FormParam("name") String name) {
        models.put("name", name);
        return "greeting.jsp";
    }
}
