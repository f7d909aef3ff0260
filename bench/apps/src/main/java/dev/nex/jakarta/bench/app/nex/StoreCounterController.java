package dev.nex.jakarta.bench.app.nex;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PageStore;

/** The counter action kept in the store instead of a bean: atomic however many requests of a page run at once. */
@Controller
@Path("store-counter")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class StoreCounterController {

    @Inject
    PageStore store;

    @Inject
    Models models;

    @POST
    @Path("increment")
    public String increment() {
        models.put("count", store.update("count", 0, n -> n + 1));
        return "count.jsp";
    }
}
