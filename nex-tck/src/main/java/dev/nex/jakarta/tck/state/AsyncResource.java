package dev.nex.jakarta.tck.state;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.Directive;
import dev.nex.jakarta.PageStore;

/**
 * Actions that complete on a thread of a Jakarta Concurrency executor (SPEC 6.8): each answers what it saw of its
 * page there, and on which thread.
 */
@Path("async")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AsyncResource {

    /** Opened by {@code release}: holds the action of {@code hold} until then. */
    private static volatile CountDownLatch held = new CountDownLatch(1);
    /** Whether an action of {@code hold} is waiting. */
    private static volatile boolean holding;

    @Resource(lookup = AsyncServlet.EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    PageStore store;

    @Inject
    PageCounter counter;

    @Inject
    CurrentPage page;

    @POST
    @Path("suspended")
    public void suspended(@Suspended AsyncResponse response) {
        Thread requestThread = Thread.currentThread();
        AtomicBoolean returned = new AtomicBoolean();
        executor.execute(() -> response.resume(seen(requestThread, returned)));
        returned.set(true);
    }

    @POST
    @Path("stage")
    public CompletionStage<String> stage() {
        Thread requestThread = Thread.currentThread();
        AtomicBoolean returned = new AtomicBoolean();
        CompletionStage<String> stage = executor.supplyAsync(() -> seen(requestThread, returned));
        returned.set(true);
        return stage;
    }

    /** Returns a directive from the executor, after a write: the response carries it as an htmx header. */
    @POST
    @Path("directive")
    public CompletionStage<Directive> directive() {
        return executor.supplyAsync(() -> Directive.trigger("counted-" + store.update("hits", 0, n -> n + 1)));
    }

    /** Waits on the executor until {@code release}, then tells whether its page is still intact. */
    @POST
    @Path("hold")
    public void hold(@Suspended AsyncResponse response) {
        held = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                holding = true;
                boolean released = held.await(20, TimeUnit.SECONDS);
                holding = false;
                response.resume("released=" + released + ";destroyed=" + counter.isDestroyed() + ";value="
                        + store.get("k", StateResource.NONE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.resume(e);
            }
        });
    }

    @GET
    @Path("holding")
    public String holding() {
        return String.valueOf(holding);
    }

    @POST
    @Path("release")
    public String release() {
        held.countDown();
        return "ok";
    }

    /**
     * What the calling thread sees of the page: id, a store update, the page bean, and whether it runs outside the
     * resource method (on another thread, or on a pool thread the request had already handed back: servers such as
     * Liberty run requests and executor tasks in one pool).
     */
    private String seen(Thread requestThread, AtomicBoolean returned) {
        boolean outside = Thread.currentThread() != requestThread || returned.get();
        return "page=" + page.getId() + ";hits=" + store.update("hits", 0, n -> n + 1) + ";bean="
                + counter.increment() + ";async=" + outside;
    }
}
