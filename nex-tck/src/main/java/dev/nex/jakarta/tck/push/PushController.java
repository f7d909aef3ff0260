package dev.nex.jakarta.tck.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The page that listens: its view connects htmx's SSE extension to the page's stream. */
@Controller
@Path("push")
@RequestScoped
public class PushController {

    @GET
    public String page() {
        return "push.jsp";
    }
}
