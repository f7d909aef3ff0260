package dev.nex.jakarta.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.Layout;
import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.PartType;
import dev.nex.jakarta.ResponseDirectives;

/**
 * Layouts work with any view engine, in both directions: {@code /tasks} is a Thymeleaf page in the JSP layout,
 * {@code /tasks/plain} the same page as a JSP in a Thymeleaf layout. Its actions answer Thymeleaf fragments. A task
 * can carry a small file, uploaded with it.
 */
@Controller
@Path("tasks")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class TasksController {

    static final String TASKS = "tasks";

    @Inject
    PageStore store;

    @Inject
    ResponseDirectives directives;

    @Inject
    Models models;

    /** Mount, Thymeleaf in the JSP layout ({@code nex.layout}). */
    @GET
    public String page() {
        return mount("tasks.html");
    }

    /** Mount, a JSP in the Thymeleaf layout. */
    @GET
    @Path("plain")
    @Layout("plain-layout.html")
    public String plainPage() {
        return mount("tasks.jsp");
    }

    /**
     * Adds a task, with the small file chosen for it if any (SPEC 11.4: a file over {@code nex.upload.max-size}, or
     * of another type, never gets here); the page recounts its tasks when the directive's event arrives.
     */
    @POST
    @Path("add")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(@FormParam("task") String task,
                        @FormParam("file") @PartType({"text/plain", "image/png", "image/jpeg", "application/pdf"})
                        EntityPart file) throws IOException {
        String text = task == null ? "" : task.strip();
        if (text.isEmpty() || text.length() > CartController.MAX_ITEM_LENGTH) {
            models.put("tasks", store.get(TASKS, List.of())); // unchanged
            return Response.status(Response.Status.BAD_REQUEST).entity("task-list.html").build();
        }
        Task added = file.getFileName().orElse("").isEmpty() ? new Task(text, null, null, null)
                : new Task(text, file.getFileName().get(), file.getMediaType().toString(),
                        file.getContent(byte[].class));
        models.put("tasks", store.update(TASKS, List.<Task>of(), current -> {
            List<Task> more = new ArrayList<>(current);
            more.add(added);
            return List.copyOf(more);
        }));
        directives.add(Directive.trigger("tasks-changed"));
        return Response.ok("task-list.html").build();
    }

    @GET
    @Path("count")
    public String count() {
        models.put("count", store.get(TASKS, List.of()).size());
        return "task-count.html";
    }

    private String mount(String view) {
        models.put("title", "Tasks");
        List<Task> tasks = store.get(TASKS, List.of());
        models.put("tasks", tasks);
        models.put("count", tasks.size());
        return view;
    }
}
