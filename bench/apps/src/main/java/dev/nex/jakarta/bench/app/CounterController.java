package dev.nex.jakarta.bench.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The htmx action measured in both WARs: increment the counter, answer the fragment showing it. */
@Controller
@Path("counter")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class CounterController {

    @Inject
    Counter counter;

    @Inject
    Models models;

    @POST
    @Path("increment")
    public String increment() {
        models.put("count", counter.increment());
        return "count.jsp";
    }
}
