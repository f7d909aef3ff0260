package dev.nex.jakarta.tck.lifecycle;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A controller whose one constraint sits on a type argument, where Nex's look for constraints must reach too
 * (SPEC 11.1): Nex binds validation only to controllers that have constraints.
 */
@Controller
@Path("tags")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class TagsController {

    @Inject
    Models models;

    @POST
    public String tag(@FormParam("tag") List<@Size(max = 8) String> tags) {
        models.put("name", String.join(" ", tags));
        return "signed-up.jsp";
    }
}
