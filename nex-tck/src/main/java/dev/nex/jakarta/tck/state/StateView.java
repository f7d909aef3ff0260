package dev.nex.jakarta.tck.state;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A Jakarta MVC page whose JSP shows the page id through the {@code nexPage} EL name. */
@Controller
@Path("view")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class StateView {

    @GET
    public String page() {
        return "state.jsp";
    }
}
