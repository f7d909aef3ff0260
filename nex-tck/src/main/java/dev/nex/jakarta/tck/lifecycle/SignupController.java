package dev.nex.jakarta.tck.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.mvc.binding.MvcBinding;
import jakarta.mvc.binding.ParamError;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.FormErrors;
import dev.nex.jakarta.PageStore;

/**
 * Forms (SPEC 11.1, 11.2): actions whose input is constrained without {@code @MvcBinding} (never run with input
 * that violates them); one that validates its form itself and answers it again with the errors, as 422; and one
 * with {@code @MvcBinding} that does the same from {@code BindingResult}. Every action that runs counts itself in
 * the page's store under {@code signups}.
 */
@Controller
@Path("signup")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class SignupController {

    static final String RUNS = "signups";

    @Inject
    Models models;

    @Inject
    PageStore store;

    @Inject
    BindingResult bindingResult;

    @Inject
    Validator validator;

    @Inject
    Flash flash;

    @GET
    public String page() {
        models.put("title", "Signup");
        models.put("errors", FormErrors.none());
        return "signup.jsp";
    }

    @POST
    @Path("add")
    public String add(@Valid @BeanParam SignupForm form) {
        return welcome(form.name);
    }

    @POST
    @Path("age")
    public String age(@FormParam("age") @Min(18) int age) {
        return welcome("age " + age);
    }

    /** A controller bug: its return value violates its own constraint. */
    @POST
    @Path("broken")
    @Size(max = 3)
    public String broken() {
        return welcome("broken");
    }

    /** SPEC 11.2: the action validates the form itself: if wrong, the form again, with errors and typed values. */
    @POST
    @Path("checked")
    public Response checked(@BeanParam SignupForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!errors.isEmpty()) {
            models.put("errors", errors);
            models.put("email", form.email);
            models.put("name", form.name);
            return Response.status(422).entity("signup-form.jsp").build();
        }
        return Response.ok(welcome(form.name)).build();
    }

    /** SPEC 11.1, 11.2: with {@code @MvcBinding} the action decides: the form again, with errors and typed values. */
    @POST
    @Path("bound")
    public Response bound(@MvcBinding @FormParam("email") @NotBlank @Email String email,
                          @MvcBinding @FormParam("name") @Size(min = 2, message = "needs <2> letters or more") String name) {
        if (bindingResult.isFailed()) {
            models.put("errors", FormErrors.of(bindingResult.getAllErrors(), ParamError::getParamName,
                    ParamError::getMessage));
            models.put("email", email);
            models.put("name", name);
            return Response.status(422).entity("signup-form.jsp").build();
        }
        return Response.ok(welcome(name)).build();
    }

    /** A page with a plain HTML form (no htmx): Jakarta MVC's CSRF token in a hidden field. */
    @GET
    @Path("plain")
    public String plainPage() {
        models.put("title", "Plain signup");
        return "plain-signup.jsp";
    }

    /** SPEC 11.5: a plain form post, answered with a redirect that carries a one-time message. */
    @POST
    @Path("plain")
    public Directive plain(@FormParam("name") String name) {
        flash.setMessage("Welcome " + name);
        return Directive.redirect("signup/done");
    }

    /** Where the redirect leads: a full page that shows the message, once. */
    @GET
    @Path("done")
    public String done() {
        models.put("title", "Signed up");
        models.put("flash", flash.getMessage());
        return "done.jsp";
    }

    @GET
    @Path("runs")
    public String runs() {
        models.put("count", store.get(RUNS, 0));
        return "count.jsp";
    }

    private String welcome(String name) {
        store.update(RUNS, 0, n -> n + 1);
        models.put("name", name);
        return "signed-up.jsp";
    }
}
