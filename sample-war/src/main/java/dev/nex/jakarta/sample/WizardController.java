package dev.nex.jakarta.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.Layout;

/**
 * A three-step form: back and next keep what was typed; the last step sums it up; a refresh starts over.
 * Its pages use a focused layout of their own, without the site navigation.
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

    @GET
    public String page() {
        models.put("title", "Wizard");
        models.put("wizard", form);
        return "wizard.jsp";
    }

    @POST
    @Path("next")
    public String next(@FormParam("name") String name, @FormParam("email") String email) {
        form.keep(name, email);
        form.next();
        return currentStep();
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
