package dev.nex.jakarta.tck.state;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.nex.jakarta.PageStore;

/**
 * An action as a servlet in asynchronous mode (SPEC 6.8): the store is updated on the executor's thread, which
 * completes the request. Also defines the executor the asynchronous actions use: its context service propagates
 * every context type it does not clear, the page's ({@code dev.nex.jakarta.Page}) among them.
 */
@WebServlet(urlPatterns = "/async-servlet", asyncSupported = true)
@ContextServiceDefinition(name = AsyncServlet.CONTEXT)
@ManagedExecutorDefinition(name = AsyncServlet.EXECUTOR, context = AsyncServlet.CONTEXT)
public class AsyncServlet extends HttpServlet {

    public static final String CONTEXT = "java:app/concurrent/NexTckPageContext";
    public static final String EXECUTOR = "java:app/concurrent/NexTckPageExecutor";
    private static final long serialVersionUID = 1L;

    @Resource(lookup = EXECUTOR)
    transient ManagedExecutorService executor;

    @Inject
    transient PageStore store;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        executor.execute(() -> {
            try {
                async.getResponse().setContentType("text/plain");
                async.getResponse().getWriter().write("hits=" + store.update("hits", 0, n -> n + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                async.complete();
            }
        });
    }
}
