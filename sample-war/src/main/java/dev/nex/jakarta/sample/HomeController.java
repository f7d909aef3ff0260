package dev.nex.jakarta.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The landing page. */
@Controller
@Path("/")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class HomeController {

    @Inject
    Models models;

    @GET
    public String home() {
        models.put("title", "Nex for Jakarta EE");
        return "home.jsp";
    }
}
