package dev.nex.jakarta.bench.app.nex;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.PagePush;

/** The push benchmark's page and actions (SPEC 12). */
@Path("push")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class PushResource {

    @Inject
    PagePush push;

    @Inject
    CurrentPage page;

    /** A full page (a GET without {@code HX-Request}): its id in the header, its stream's URL as the body. */
    @GET
    @Path("page")
    public String page() {
        return page.getStreamUrl();
    }

    /** Sends {@code count} small events as fast as it can; answers how long the sends took, in nanoseconds. */
    @POST
    @Path("burst")
    public String burst(@FormParam("count") int count) {
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            push.send("tick", "<i>" + i + "</i>");
        }
        return Long.toString(System.nanoTime() - start);
    }

    /** Sends one event carrying the time it was sent, in microseconds since the epoch. */
    @POST
    @Path("stamp")
    public String stamp() {
        push.send("stamp", Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now())));
        return "sent";
    }
}
