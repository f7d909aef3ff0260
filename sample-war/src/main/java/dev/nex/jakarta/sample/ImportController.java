package dev.nex.jakarta.sample;

import java.time.Duration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PagePush;

/**
 * Long work that reports its progress to the page that started it (SPEC 12): the action hands the import to a
 * managed executor and answers at once; the task pushes a progress bar after each batch, then the result. Another
 * tab, even of the same session, sees none of it.
 */
@Controller
@Path("import")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class ImportController {

    private static final Duration BATCH = Duration.ofMillis(150);

    @Inject
    PagePush push;

    @Resource(lookup = "java:app/concurrent/PageExecutor")
    ManagedExecutorService executor;

    @Inject
    Models models;

    @GET
    public String page() {
        models.put("title", "Import");
        return "import.jsp";
    }

    @POST
    @Path("start")
    public String startImport() {
        executor.execute(() -> {                       // runs bound to the page of this request
            for (int done = 10; done <= 100; done += 10) {
                importNextBatch();
                push.send("progress", "<progress value=\"" + done + "\" max=\"100\"></progress>");
            }
            push.send("result", "<p id=\"imported\">Imported.</p>");
        });
        return "import-started.jsp";
    }

    /** Stands for real work: a database batch, a remote call. */
    private static void importNextBatch() {
        try {
            Thread.sleep(BATCH.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        }
    }
}
