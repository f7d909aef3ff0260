package dev.nex.jakarta;

/**
 * Directives for the current response, next to whatever the action returns (usually a fragment).
 * <pre>{@code
 * @Inject ResponseDirectives directives;
 *
 * @POST @Path("add_item")
 * public String addItem(@FormParam("item") String item) {
 *     ...
 *     directives.add(Directive.trigger("cart-changed"));
 *     return "cart-items.jsp";
 * }
 * }</pre>
 * A {@link Directive} the method returns is added last. For requests that are not from htmx, only navigation
 * directives (redirect, location, refresh) have an effect.
 */
public interface ResponseDirectives {

    /**
     * Adds {@code directive} to the response; later additions win for the same header, triggers merge.
     *
     * @param directive the directive to add
     */
    void add(Directive directive);

    /**
     * Everything added so far, merged.
     *
     * @return the merged directive ({@link Directive#none()} if nothing was added)
     */
    Directive merged();
}
