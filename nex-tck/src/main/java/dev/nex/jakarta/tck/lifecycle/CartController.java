package dev.nex.jakarta.tck.lifecycle;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.OutOfBand;
import dev.nex.jakarta.PageStore;

/** The seeds' cart: actions matched by path, or by a single segment against the Referer; one that fails. */
@Controller
@Path("cart")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class CartController {

    @Inject
    PageStore store;

    @Inject
    Models models;

    @Inject
    OutOfBand outOfBand;

    @GET
    public String page() {
        models.put("title", "Cart");
        models.put("items", store.get("cart_items", List.of()));
        return "cart.jsp";
    }

    @POST
    @Path("add_item")
    public String addItem(@FormParam("item") String item) {
        if (item == null) {
            throw new BadRequestException("no item"); // an application's own check of its input
        }
        models.put("items", store.update("cart_items", List.<String>of(), items -> {
            List<String> more = new ArrayList<>(items);
            more.add(item);
            return List.copyOf(more);
        }));
        return "cart-items.jsp";
    }

    /**
     * SPEC 11.3: adds like {@link #addItem}, answering the list, and out of band the cart's count (a JSP) and a line
     * at the end of the page's log (another engine).
     */
    @POST
    @Path("add_item_everywhere")
    public String addItemEverywhere(@FormParam("item") String item) {
        String list = addItem(item);
        models.put("added", item);
        outOfBand.add("cart-count.jsp");
        outOfBand.add("cart-line.mini", "beforeend:#cart-log");
        return list;
    }

    /** Reads the cart without changing it: what a test compares before and after. */
    @GET
    @Path("items")
    public String items() {
        models.put("items", store.get("cart_items", List.of()));
        return "cart-items.jsp";
    }

    /** Writes, then fails: the write stays, the page lives on (SPEC 7.8). */
    @POST
    @Path("fail")
    public String fail() {
        store.put("written_before_failure", "kept");
        throw new IllegalStateException("an action failed");
    }

    @GET
    @Path("written")
    public String written() {
        models.put("items", List.of(store.get("written_before_failure", "nothing")));
        return "cart-items.jsp";
    }
}
