package dev.nex.jakarta;

/**
 * Out-of-band fragments of the current htmx action (SPEC 11.3): other views, rendered after the action's own with
 * the same models, each marked for htmx's out-of-band swap ({@code hx-swap-oob}) on its first element. One
 * response then updates several places of the page, each from the view that already renders it, whatever its
 * engine.
 * <pre>{@code
 * @Inject OutOfBand outOfBand;
 *
 * @POST @Path("add_item")
 * public String addItem(@FormParam("item") String item) {
 *     models.put("items", store.update(ITEMS, List.of(), items -> with(items, item)));
 *     outOfBand.add("cart-badge.jsp");            // <span id="cart-badge">…</span> replaces the badge in the layout
 *     outOfBand.add("log-line.jsp", "beforeend:#log"); // <ul><li>…</li></ul>: the line joins the log
 *     return "cart-items.jsp";
 * }
 * }</pre>
 * The fragments follow the action's view only in the response to an htmx request; a full page or a plain form
 * post leaves them out. A view whose output has no element fails the request: htmx would have nothing to swap.
 */
public interface OutOfBand {

    /**
     * Adds {@code view}, swapped in place of the element of the page with the id of its first element
     * ({@code hx-swap-oob="true"}).
     *
     * @param view a view name, as an action returns it
     */
    void add(String view);

    /**
     * Adds {@code view} with an explicit swap. With any swap but {@code true} and {@code outerHTML}, htmx swaps the
     * marked element's <em>content</em> into the target: to append a list item, render it inside a {@code <ul>}.
     *
     * @param view a view name, as an action returns it
     * @param swap the {@code hx-swap-oob} value, e.g. {@code outerHTML}, {@code beforeend:#log}
     */
    void add(String view, String swap);
}
