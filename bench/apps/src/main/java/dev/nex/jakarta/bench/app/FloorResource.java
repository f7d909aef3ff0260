package dev.nex.jakarta.bench.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The JAX-RS floor of the counter action: a plain resource (no {@code @Controller}: no MVC lifecycle, view or CSRF
 * check) that increments the session's counter and returns the fragment as a String. In floor-bench.war it runs on
 * the bare JAX-RS runtime; in plain-bench.war beside Krazo, whose filters see every request of the application; in
 * nex-bench.war beside Krazo and Nex, where the counter it increments is the page's.
 */
@Path("floor/counter")
@RequestScoped
public class FloorResource {

    @Inject
    Counter counter;

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
