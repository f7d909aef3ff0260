package dev.nex.jakarta.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The landing page. */
@Path("/")
@Controller
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class HomeController {

    @GET
    public String home() {
        return "home.jsp";
    }
}
