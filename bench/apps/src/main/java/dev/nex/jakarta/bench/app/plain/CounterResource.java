package dev.nex.jakarta.bench.app.plain;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The JAX-RS floor of the counter action: a plain resource (no {@code @Controller}, so no MVC, view or CSRF
 * check) that increments the session's counter and returns the fragment as a String.
 */
@Path("floor/counter")
@RequestScoped
public class CounterResource {

    @Inject
    SessionCounter counter;

    @POST
    @Produces(MediaType.TEXT_HTML)
    public String increment() {
        return fragment(counter.increment());
    }

    /** The markup count.jsp renders. */
    static String fragment(int count) {
        return "<span id=\"count\">" + count + "</span>";
    }
}
