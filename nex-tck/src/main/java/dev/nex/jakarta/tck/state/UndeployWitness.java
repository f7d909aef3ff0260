package dev.nex.jakarta.tck.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the test, from inside an application being undeployed, what the application saw of its pages' ends (SPEC
 * 6.7): when the application context goes, after Nex ended the pages (as the container destroyed its filters),
 * it posts the lifecycle log of every page to the test's own HTTP server at {@code nex.tck.witness}. Also names
 * the server's process, for the test to inspect after the application is gone.
 */
@Path("witness")
@ApplicationScoped
public class UndeployWitness {

    @Inject
    LifecycleLog log;

    @Inject
    @ConfigProperty(name = "nex.tck.witness")
    String witness;

    @GET
    @Path("pid")
    @Produces(MediaType.TEXT_PLAIN)
    public String pid() {
        return String.valueOf(ProcessHandle.current().pid());
    }

    void undeployed(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 900) @BeforeDestroyed(
            ApplicationScoped.class) Object application) {
        StringBuilder report = new StringBuilder();
        for (String page : log.pages()) {
            report.append(page).append(' ').append(log.describe(page)).append('\n');
        }
        try {
            HttpURLConnection post = (HttpURLConnection) URI.create(witness).toURL().openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            try (OutputStream body = post.getOutputStream()) {
                body.write(report.toString().getBytes(StandardCharsets.UTF_8));
            }
            post.getResponseCode();
            post.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
