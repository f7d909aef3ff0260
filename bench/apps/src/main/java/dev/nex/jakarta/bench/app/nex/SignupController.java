package dev.nex.jakarta.bench.app.nex;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PageStore;

/**
 * The same form action with and without Bean Validation (SPEC 11.1): what validating a two-field form costs. Each
 * counts its runs in the page's store, so that every answer can be shown to have run it.
 */
@Controller
@Path("signup")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class SignupController {

    @Inject
    PageStore store;

    @Inject
    Models models;

    @POST
    @Path("validated")
    public String validated(@Valid @BeanParam CheckedForm form) {
        return count("validated");
    }

    @POST
    @Path("unvalidated")
    public String unvalidated(@BeanParam Form form) {
        return count("unvalidated");
    }

    private String count(String key) {
        models.put("count", store.update(key, 0, n -> n + 1));
        return "count.jsp";
    }

    /** The form's fields, unconstrained. */
    public static class Form {
        @FormParam("email")
        String email;

        @FormParam("name")
        String name;
    }

    /** The same fields, constrained. */
    public static class CheckedForm {
        @FormParam("email")
        @NotBlank
        @Email
        String email;

        @FormParam("name")
        @Size(min = 2)
        String name;
    }
}
