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

/** Layout choice: the class's layout, overridden per method, and pages and layouts of another view engine. */
@Controller
@Path("layouts")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
@Layout("alt-layout.jsp")
public class LayoutsController {

    @Inject
    Models models;

    @GET
    @Path("class")
    public String classLayout() {
        models.put("title", "Class layout");
        return "card.jsp";
    }

    @GET
    @Path("method")
    @Layout("layout.jsp")
    public String methodLayout() {
        models.put("title", "Method layout");
        return "card.jsp";
    }

    @GET
    @Path("none")
    @Layout(Layout.NONE)
    public String noLayout() {
        return "card.jsp";
    }

    @GET
    @Path("mini")
    @Layout("frame.mini")
    public String miniPageInMiniLayout() {
        models.put("title", "Mini");
        return "card.mini";
    }

    @GET
    @Path("mixed")
    @Layout("layout.jsp")
    public String miniPageInJspLayout() {
        models.put("title", "Mixed");
        return "card.mini";
    }
}
