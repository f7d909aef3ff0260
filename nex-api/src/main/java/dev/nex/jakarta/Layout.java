package dev.nex.jakarta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layout view that wraps a controller's full pages (SPEC 7.2), overriding {@code nex.layout}; on a method it
 * overrides the class. The layout sees every model of the page, and the rendered page as {@value #INNER_CONTENT}.
 * Actions (htmx requests) are never wrapped.
 * <pre>{@code
 * @Controller @Path("admin") @RequestScoped
 * @Layout("admin-layout.jsp")
 * public class AdminController {
 *     @GET public String dashboard() { return "dashboard.jsp"; }          // wrapped in admin-layout.jsp
 *     @GET @Path("print") @Layout(Layout.NONE)
 *     public String printable() { return "printable.jsp"; }               // not wrapped
 * }
 * }</pre>
 * In a JSP layout: {@code <main>${innerContent}</main>}; in Facelets:
 * {@code <h:outputText value="#{innerContent}" escape="false"/>}. Any Jakarta MVC view engine works, for the
 * page and for the layout.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Layout {

    /** No layout: the page view is the whole document. */
    String NONE = "";

    /** The model under which the layout finds the rendered page. */
    String INNER_CONTENT = "innerContent";

    /**
     * The layout view.
     *
     * @return a view name, resolved like any view name; {@link #NONE} for none
     */
    String value();
}
