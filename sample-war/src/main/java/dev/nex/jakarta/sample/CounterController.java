package dev.nex.jakarta.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A {@code @PageScoped} bean behind a page and two actions. */
@Controller
@Path("counter")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class CounterController {

    @Inject
    Counter counter;

    @Inject
    Models models;

    @GET
    public String page() {
        models.put("title", "Counter");
        models.put("count", counter.getCount());
        return "counter.jsp";
    }

    @POST
    @Path("increment")
    public String increment() {
        models.put("count", counter.increment());
        return "count.jsp";
    }

    @POST
    @Path("decrement")
    public String decrement() {
        models.put("count", counter.decrement());
        return "count.jsp";
    }
}
