package ${package};

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.FormErrors;
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

    @Inject
    Validator validator;

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
     * The {@code PageStore}: an atomic update, a fragment, and a directive that tells the page to recount. The note
     * is validated (Bean Validation): a bad one is answered with its message and status 422, which Nex's page
     * script makes htmx swap in, where directives put it.
     */
    @POST
    @Path("notes")
    public Response addNote(@BeanParam NoteForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!errors.isEmpty()) {
            models.put("errors", errors);
            directives.add(Directive.retarget("#error").and(Directive.reswap("innerHTML")));
            return Response.status(422).entity("error.jsp").build();
        }
        String text = form.note.strip();
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
