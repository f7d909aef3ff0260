package dev.nex.jakarta.tck.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.ResponseDirectives;

/** Actions that answer with directives, returned or added next to a fragment. */
@Controller
@Path("directives")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class DirectivesController {

    @Inject
    ResponseDirectives directives;

    @Inject
    Models models;

    @Inject
    TabCounter counter;

    @POST
    @Path("refresh")
    public Directive refresh() {
        return Directive.refresh();
    }

    @POST
    @Path("redirect")
    public Directive redirect() {
        return Directive.redirect("/elsewhere");
    }

    @POST
    @Path("location")
    public Directive location() {
        return Directive.location("/lifecycle/app/counter");
    }

    @POST
    @Path("location-json")
    public Directive locationWithOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("target", "#main");
        options.put("swap", "innerHTML");
        return Directive.location("/lifecycle/app/counter", options);
    }

    @POST
    @Path("history")
    public Directive history() {
        return Directive.pushUrl("/pushed").and(Directive.replaceUrl("false"));
    }

    @POST
    @Path("swap")
    public Directive swap() {
        return Directive.retarget("#other").and(Directive.reswap("innerHTML")).and(Directive.reselect("#part"));
    }

    @POST
    @Path("triggers")
    public Directive triggers() {
        return Directive.trigger("first").and(Directive.trigger("second"))
                .and(Directive.triggerAfterSwap("swapped", "{\"n\":1}")).and(Directive.triggerAfterSettle("settled"));
    }

    @POST
    @Path("trigger-details")
    public Directive triggersWithDetails() {
        return Directive.trigger("plain").and(Directive.trigger("detailed", "{\"id\":42}"));
    }

    /** A fragment, with a trigger added beside it and one returned... by the fragment's own action. */
    @POST
    @Path("fragment")
    public String fragmentWithTrigger() {
        directives.add(Directive.trigger("counted"));
        directives.add(Directive.trigger("counted-twice", "\"yes\""));
        models.put("count", counter.increment());
        return "count.jsp";
    }
}
