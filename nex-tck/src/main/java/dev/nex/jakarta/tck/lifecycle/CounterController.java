package dev.nex.jakarta.tck.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The seeds' model: a page whose mount reads page state, and an action that returns a fragment. */
@Controller
@Path("counter")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class CounterController {

    static final String STRICT_CSP = "default-src 'self'";

    @Inject
    Models models;

    @Inject
    TabCounter counter;

    @Context
    HttpServletResponse response;

    @GET
    public String page() {
        models.put("title", "Counter");
        models.put("count", counter.get());
        return "counter.jsp";
    }

    /** The same page under a strict Content-Security-Policy: no inline script, scripts from this origin only. */
    @GET
    @Path("csp")
    public String pageUnderCsp() {
        response.setHeader("Content-Security-Policy", STRICT_CSP);
        return page();
    }

    /** The same page under a CSP with a nonce, which the injected tag must carry. */
    @GET
    @Path("nonce")
    public String pageUnderNonceCsp() {
        response.setHeader("Content-Security-Policy", "script-src 'self' 'nonce-r4nd0m'");
        return page();
    }

    @POST
    @Path("increment")
    public String increment() {
        models.put("count", counter.increment());
        return "count.jsp";
    }
}
