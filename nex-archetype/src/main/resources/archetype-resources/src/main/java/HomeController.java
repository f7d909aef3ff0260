package ${package};

import java.util.ArrayList;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.ResponseDirectives;

/**
 * The page and its actions. The GET method mounts the page (a new page each time: its state starts empty); the
 * POST methods are htmx actions of that page and answer fragments.
 */
@Controller
@Path("/")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class HomeController {

    static final String NOTES = "notes";

    @Inject
    Counter counter;

    @Inject
    PageStore store;

    @Inject
    ResponseDirectives directives;

    @Inject
    Models models;

    /** Mount: the view is wrapped in the layout, and Nex adds its page script. */
    @GET
    public String page() {
        models.put("count", counter.getCount());
        models.put("notes", store.get(NOTES, List.of()));
        return "home.jsp";
    }

    /** A {@code @PageScoped} bean: the same instance for every action of this page. */
    @POST
    @Path("increment")
    public String increment() {
        models.put("count", counter.increment());
        return "count.jsp";
    }

    /**
     * The {@code PageStore}: an atomic update, a fragment, and a directive that tells the page to recount. A bad
     * note is a 400 whose message directives put where the page shows errors.
     */
    @POST
    @Path("notes")
    public Response addNote(@FormParam("note") String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 200) {
            models.put("error", "Write a note of 1 to 200 characters.");
            directives.add(Directive.retarget("#error").and(Directive.reswap("innerHTML")));
            return Response.status(Response.Status.BAD_REQUEST).entity("error.jsp").build();
        }
        List<String> notes = store.update(NOTES, List.<String>of(), current -> {
            List<String> added = new ArrayList<>(current);
            added.add(text);
            return List.copyOf(added);
        });
        models.put("notes", notes);
        directives.add(Directive.trigger("notes-changed"));
        return Response.ok("notes-added.jsp").build();
    }

    /** Asked for by the page when a {@code notes-changed} event arrives. */
    @GET
    @Path("notes/count")
    public String noteCount() {
        models.put("notes", store.get(NOTES, List.of()));
        return "note-count.jsp";
    }
}
