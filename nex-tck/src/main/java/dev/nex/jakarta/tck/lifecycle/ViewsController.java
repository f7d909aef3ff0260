package dev.nex.jakarta.tck.lifecycle;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.event.AfterProcessViewEvent;
import jakarta.mvc.event.BeforeProcessViewEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.Layout;

/**
 * Views render as Jakarta MVC renders them, through Nex: a view's own charset, the view events, and Jakarta MVC's
 * hidden {@code _method} field of a form (enabled in {@link LifecycleApplication}), and a view as a container's
 * error page.
 */
@Path("views")
@RequestScoped
public class ViewsController {

    @Inject
    ViewEvents events;

    @GET
    @Path("latin")
    @Controller
    @Layout(Layout.NONE)
    @Produces(MediaType.TEXT_HTML)
    public String latinPage() {
        return "latin.jsp";
    }

    @POST
    @Path("latin")
    @Controller
    @Produces(MediaType.TEXT_HTML)
    public String latinFragment() {
        return "latin.jsp";
    }

    /** The error page of {@link TeapotServlet}'s status. */
    @GET
    @Path("teapot")
    @Controller
    @Produces(MediaType.TEXT_HTML)
    public String teapot() {
        return "teapot.jsp";
    }

    /** Reached by a POST whose form says {@code _method=PUT}. */
    @PUT
    @Path("method")
    @Controller
    @Produces(MediaType.TEXT_HTML)
    public String put() {
        return "put.jsp";
    }

    /** The view events since the last call, oldest first. */
    @GET
    @Path("events")
    @Produces(MediaType.TEXT_PLAIN)
    public String events() {
        return events.drain();
    }

    /** Every view event of the application, in order. */
    @ApplicationScoped
    public static class ViewEvents {

        private final List<String> seen = new ArrayList<>();

        synchronized void before(@Observes BeforeProcessViewEvent event) {
            seen.add("before " + event.getView());
        }

        synchronized void after(@Observes AfterProcessViewEvent event) {
            seen.add("after " + event.getView());
        }

        synchronized String drain() {
            String all = String.join(",", seen);
            seen.clear();
            return all;
        }
    }
}
