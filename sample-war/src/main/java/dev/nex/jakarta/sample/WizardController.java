package dev.nex.jakarta.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.validation.Validator;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.nex.jakarta.FormErrors;
import dev.nex.jakarta.Layout;

/**
 * A three-step form: back and next keep what was typed; next checks the step first and, if anything is wrong,
 * answers the step again with the messages next to the fields (422, which the page script makes htmx swap in);
 * the last step sums it up; a refresh starts over. Its pages use a focused layout of their own, without the site
 * navigation.
 */
@Controller
@Path("wizard")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
@Layout("focused-layout.jsp")
public class WizardController {

    @Inject
    WizardForm form;

    @Inject
    Models models;

    @Inject
    Validator validator;

    @GET
    public String page() {
        models.put("title", "Wizard");
        models.put("wizard", form);
        return "wizard.jsp";
    }

    @POST
    @Path("next")
    public Response next(@FormParam("name") String name, @FormParam("email") String email) {
        form.keep(name, email);
        FormErrors errors = FormErrors.of(validator.validate(form, form.stepConstraints()));
        if (!errors.isEmpty()) {
            models.put("errors", errors);
            return Response.status(422).entity(currentStep()).build();
        }
        form.next();
        return Response.ok(currentStep()).build();
    }

    @POST
    @Path("back")
    public String back(@FormParam("name") String name, @FormParam("email") String email) {
        form.keep(name, email);
        form.back();
        return currentStep();
    }

    private String currentStep() {
        models.put("wizard", form);
        return "wizard-step.jsp";
    }
}
