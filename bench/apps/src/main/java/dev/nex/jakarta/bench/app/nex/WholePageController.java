package dev.nex.jakarta.bench.app.nex;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.Layout;
import dev.nex.jakarta.bench.app.PageController;

/**
 * The same page as {@link PageController}'s, with its markup in one view as the plain WAR has it, and no layout:
 * Nex's own cost per full page (page id, script injection) without the layout's second render.
 */
@Controller
@Path("whole-page")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class WholePageController {

    @Inject
    PageController page;

    @GET
    @Layout(Layout.NONE)
    public String page() {
        page.page();
        return "whole-page.jsp";
    }
}
