package dev.nex.jakarta.tck.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.Layout;

/** Pages for the script placement rules and for boosted navigation. */
@Controller
@Path("pages")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class OtherPagesController {

    @Inject
    Models models;

    @GET
    @Path("placed")
    @Layout(Layout.NONE)
    public String placedByTemplate() {
        return "placed.jsp";
    }

    @GET
    @Path("bodyless")
    @Layout(Layout.NONE)
    public String withoutBodyEnd() {
        return "bodyless.jsp";
    }

    @GET
    @Path("home")
    public String home() {
        models.put("title", "Home");
        return "home.jsp";
    }
}
