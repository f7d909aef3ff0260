package dev.nex.jakarta.tck.push;

import java.time.Duration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PagePush;
import dev.nex.jakarta.tck.state.AsyncServlet;

/** Actions that push to their page: from the request itself, and from a task on a managed executor. */
@Path("push-actions")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class PushActions {

    @Inject
    PagePush push;

    @Resource(lookup = AsyncServlet.EXECUTOR)
    ManagedExecutorService executor;

    /** Sends {@code count} events named {@code name}, the data of each {@code html} followed by its number. */
    @POST
    @Path("send")
    public String send(@FormParam("name") String name, @FormParam("html") String html,
            @FormParam("count") @DefaultValue("1") int count) {
        for (int i = 1; i <= count; i++) {
            push.send(name, html + i);
        }
        return "sent=" + count;
    }

    /**
     * Starts a job on the executor, which carries the page: it reports {@code steps} steps as {@code progress}
     * events, then its result as {@code result}, a little apart as real work would.
     */
    @POST
    @Path("job")
    public String job(@FormParam("steps") @DefaultValue("5") int steps) {
        executor.execute(() -> {
            for (int step = 1; step <= steps; step++) {
                pause(Duration.ofMillis(100));
                push.send("progress", "<progress id=\"bar\" value=\"" + step + "\" max=\"" + steps + "\"></progress>");
            }
            push.send("result", "<p id=\"result\">done in " + steps + " steps</p>");
        });
        return "started";
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
