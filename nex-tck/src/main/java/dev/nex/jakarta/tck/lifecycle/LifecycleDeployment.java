package dev.nex.jakarta.tck.lifecycle;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.tck.support.Htmx;
import dev.nex.jakarta.tck.support.StatisticsResource;

/**
 * The lifecycle test application: JSP views with htmx, a default layout ({@code nex.layout}), and nothing of Nex
 * in the views but what the SPEC promises.
 */
final class LifecycleDeployment {

    private static final String JSP = "<%@ page contentType=\"text/html;charset=UTF-8\" session=\"false\" %>\n";

    static final String LAYOUT = JSP + """
            <!DOCTYPE html>
            <html>
            <head>
              <title>${title}</title>
              <script src="${pageContext.request.contextPath}/HTMX"></script>
            </head>
            <body>
              <header id="layout">default layout of ${title}</header>
              <nav hx-boost="true">
                <a id="to-home" href="${mvc.basePath}/pages/home">Home</a>
                <a id="to-counter" href="${mvc.basePath}/counter">Counter</a>
              </nav>
              <main>${innerContent}</main>
            </body>
            </html>
            """;

    static final String ALT_LAYOUT = JSP + """
            <html><head><title>${title}</title></head>
            <body><header id="layout">alternative layout of ${title}</header>${innerContent}</body></html>
            """;

    static final String COUNTER = JSP + """
            <h1 id="title">Counter</h1>
            <button id="increment" hx-post="${mvc.basePath}/counter/increment" hx-target="#count"
                    hx-swap="outerHTML">+</button>
            <span id="count">${count}</span>
            """;

    static final String COUNT = JSP + """
            <span id="count">${count}</span>
            """;

    static final String HOME = JSP + """
            <h1 id="title">Home</h1>
            """;

    static final String CARD = JSP + """
            <section id="card">card of ${title}</section>
            """;

    static final String MINI_CARD = """
            <section id="card">mini card of {{title}}</section>
            """;

    static final String MINI_FRAME = """
            <html><head><title>{{title}}</title></head>
            <body><header id="layout">mini layout of {{title}}</header>{{innerContent}}</body></html>
            """;

    static final String CART = JSP + """
            <h1 id="title">Cart</h1>
            <form hx-post="${mvc.basePath}/add_item" hx-target="#cart-items" hx-swap="outerHTML">
              <input id="item" name="item"><button id="add" type="submit">Add</button>
            </form>
            <jsp:include page="cart-items.jsp"/>
            <button id="add-everywhere" hx-post="${mvc.basePath}/cart/add_item_everywhere" hx-include="#item"
                    hx-target="#cart-items" hx-swap="outerHTML">Add and log</button>
            <jsp:include page="cart-count.jsp"/>
            <ul id="cart-log"></ul>
            """;

    static final String CART_COUNT = JSP + """
            <span id="cart-count">${items.size()}</span>
            """;

    /** For a swap such as {@code beforeend}, htmx takes the marked element's content: the line, not the list. */
    static final String CART_LINE = """
            <ul><li>{{added}}</li></ul>
            """;

    static final String CART_ITEMS = JSP + """
            <%@ taglib prefix="c" uri="jakarta.tags.core" %>
            <ul id="cart-items"><c:forEach var="item" items="${items}"><li>${mvc.encoders.html(item)}</li></c:forEach></ul>
            """;

    static final String PLACED = JSP + """
            <html>
            <body>
              <p>placed by the template:</p>
              ${nexScript}
              <p>after</p>
              ${nexScript}
            </body>
            </html>
            """;

    static final String BODYLESS = JSP + """
            <p id="fragment-like">no body end tag</p>
            """;

    /** Written in UTF-8, rendered in ISO-8859-1, which the response must then declare. */
    static final String LATIN = """
            <%@ page pageEncoding="UTF-8" contentType="text/html;charset=ISO-8859-1" session="false" %>
            <html><body><p id="latin">caf\u00e9 cr\u00e8me</p></body></html>
            """;

    static final String PUT = JSP + """
            <p id="put">answered by PUT</p>
            """;

    static final String TEAPOT = JSP + """
            <p id="teapot">caf\u00e9 for a teapot</p>
            """;

    static final String SIGNUP = JSP + """
            <h1 id="title">Signup</h1>
            <jsp:include page="signup-form.jsp"/>
            """;

    /** The form, with the values typed and each field's message (SPEC 11.2). */
    static final String SIGNUP_FORM = JSP + """
            <%@ taglib prefix="c" uri="jakarta.tags.core" %>
            <form id="signup" hx-post="${mvc.basePath}/signup/checked" hx-target="this" hx-swap="outerHTML">
              <input id="email" name="email" value="<c:out value='${email}'/>">
              <span id="email-error"><c:out value="${errors.email}"/></span>
              <input id="name" name="name" value="<c:out value='${name}'/>">
              <span id="name-error"><c:out value="${errors.name}"/></span>
              <button id="submit" type="submit">Sign up</button>
            </form>
            """;

    static final String SIGNED_UP = JSP + """
            <%@ taglib prefix="c" uri="jakarta.tags.core" %>
            <p id="signed-up">Welcome <c:out value="${name}"/></p>
            """;

    static final String PLAIN_SIGNUP = JSP + """
            <form id="plain-signup" method="post" action="${mvc.basePath}/signup/plain">
              <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
              <input name="name">
              <input type="checkbox" name="newsletter" value="yes">
              <button type="submit">Sign up</button>
            </form>
            """;

    static final String DONE = JSP + """
            <%@ taglib prefix="c" uri="jakarta.tags.core" %>
            <p id="flash"><c:out value="${flash}"/></p>
            """;

    /** {@link TeapotServlet}'s status has a Jakarta MVC view as its error page. */
    static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <error-page>
                <error-code>%d</error-code>
                <location>/app/views/teapot</location>
              </error-page>
            </web-app>
            """.formatted(TeapotServlet.STATUS);

    /** Upload limits small enough to cross quickly ({@link UploadsTest}). */
    static final int MAX_PART = 64 * 1024;
    static final int MAX_REQUEST = 192 * 1024;

    private static final String CONFIGURATION = """
            nex.layout=layout.jsp
            nex.upload.max-size=64KB
            nex.upload.max-request-size=192KB
            """;

    private LifecycleDeployment() {
    }

    static WebArchive create() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "lifecycle.war")
                .addClasses(LifecycleApplication.class, TabCounter.class, CounterController.class,
                        OtherPagesController.class, LayoutsController.class, MiniViewEngine.class,
                        CartController.class, DirectivesController.class, ViewsController.class,
                        ViewsController.ViewEvents.class, TeapotServlet.class,
                        PlainResource.class, StatisticsResource.class, SignupController.class, TagsController.class,
                        SignupForm.class, SignupForm.Address.class, Flash.class, UploadController.class,
                        UploadController.Note.class)
                .addAsResource(new StringAsset(CONFIGURATION), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(WEB_XML), "web.xml");
        view(war, "layout.jsp", LAYOUT);
        view(war, "alt-layout.jsp", ALT_LAYOUT);
        view(war, "counter.jsp", COUNTER);
        view(war, "count.jsp", COUNT);
        view(war, "home.jsp", HOME);
        view(war, "card.jsp", CARD);
        view(war, "card.mini", MINI_CARD);
        view(war, "frame.mini", MINI_FRAME);
        view(war, "cart.jsp", CART);
        view(war, "cart-items.jsp", CART_ITEMS);
        view(war, "cart-count.jsp", CART_COUNT);
        view(war, "cart-line.mini", CART_LINE);
        view(war, "placed.jsp", PLACED);
        view(war, "bodyless.jsp", BODYLESS);
        view(war, "latin.jsp", LATIN);
        view(war, "put.jsp", PUT);
        view(war, "teapot.jsp", TEAPOT);
        view(war, "signup.jsp", SIGNUP);
        view(war, "signup-form.jsp", SIGNUP_FORM);
        view(war, "signed-up.jsp", SIGNED_UP);
        view(war, "plain-signup.jsp", PLAIN_SIGNUP);
        view(war, "done.jsp", DONE);
        return Htmx.addTo(war);
    }

    private static void view(WebArchive war, String name, String template) {
        war.addAsWebInfResource(new StringAsset(template.replace("HTMX", Htmx.scriptPath())), "views/" + name);
    }
}
