package dev.nex.jakarta.sample;

import java.util.ArrayList;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.OutOfBand;
import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.ResponseDirectives;

/** The seeds' exercise: a shopping cart kept in the page's store, gone after a refresh. */
@Controller
@Path("cart")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class CartController {

    static final String ITEMS = "cart_items";
    static final int MAX_ITEM_LENGTH = 200;

    @Inject
    PageStore store;

    @Inject
    Models models;

    @Inject
    ResponseDirectives directives;

    @Inject
    OutOfBand outOfBand;

    /** Mount: read the cart of this page (empty on every new page). */
    @GET
    public String page() {
        models.put("title", "Cart");
        models.put("items", store.get(ITEMS, List.of()));
        return "cart.jsp";
    }

    @POST
    @Path("add_item")
    public Response addItem(@FormParam("item") String item) {
        String name = item == null ? "" : item.strip();
        if (name.isEmpty() || name.length() > MAX_ITEM_LENGTH) {
            return invalid("Enter an item of 1 to " + MAX_ITEM_LENGTH + " characters.");
        }
        List<String> items = store.update(ITEMS, List.<String>of(), current -> {
            List<String> added = new ArrayList<>(current);
            added.add(name);
            return List.copyOf(added);
        });
        return list(items);
    }

    @POST
    @Path("remove_item")
    public Response removeItem(@FormParam("index") String index) {
        int position;
        try {
            position = Integer.parseInt(index == null ? "" : index.strip());
        } catch (NumberFormatException e) {
            return invalid("No such item.");
        }
        List<String> before = store.get(ITEMS, List.of());
        if (position < 0 || position >= before.size()) {
            return invalid("No such item.");
        }
        List<String> items = store.update(ITEMS, List.<String>of(), current -> {
            List<String> removed = new ArrayList<>(current);
            if (position < removed.size()) {
                removed.remove(position);
            }
            return List.copyOf(removed);
        });
        return list(items);
    }

    /** Empties the cart the seeds' way: the page reloads, and a new page starts empty. */
    @POST
    @Path("clear")
    public Directive clear() {
        store.delete(ITEMS);
        return Directive.refresh();
    }

    /** The list, and out of band the badge in the layout's header, from the badge's own view. */
    private Response list(List<String> items) {
        models.put("items", items);
        outOfBand.add("cart-badge.jsp");
        return Response.ok("cart-changed.jsp").build();
    }

    /** 400 with a message shown above the list; the cart is unchanged. */
    private Response invalid(String message) {
        models.put("error", message);
        directives.add(Directive.retarget("#cart-error").and(Directive.reswap("innerHTML")));
        return Response.status(Response.Status.BAD_REQUEST).entity("cart-error.jsp").build();
    }
}
