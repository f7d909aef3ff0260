package dev.nex.jakarta.tck.lifecycle;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.tck.support.Htmx;
import dev.nex.jakarta.tck.support.StatisticsResource;

/** The lifecycle test application: JSP views with htmx, and nothing of Nex in them but what the SPEC promises. */
final class LifecycleDeployment {

    private static final String HEAD = """
            <%@ page contentType="text/html;charset=UTF-8" %>
            <!DOCTYPE html>
            <html>
            <head>
              <title>${title}</title>
              <script src="${pageContext.request.contextPath}/HTMX"></script>
            </head>
            """;

    static final String COUNTER = HEAD + """
            <body>
              <nav hx-boost="true"><a id="to-home" href="${mvc.basePath}/pages/home">Home</a></nav>
              <h1 id="title">Counter</h1>
              <button id="increment" hx-post="${mvc.basePath}/counter/increment" hx-target="#count"
                      hx-swap="outerHTML">+</button>
              <span id="count">${count}</span>
            </body>
            </html>
            """;

    static final String COUNT = """
            <span id="count">${count}</span>
            """;

    static final String HOME = HEAD + """
            <body>
              <nav hx-boost="true"><a id="to-counter" href="${mvc.basePath}/counter">Counter</a></nav>
              <h1 id="title">Home</h1>
            </body>
            </html>
            """;

    static final String PLACED = HEAD + """
            <body>
              <p>placed by the template:</p>
              ${nexScript}
              <p>after</p>
              ${nexScript}
            </body>
            </html>
            """;

    static final String BODYLESS = """
            <%@ page contentType="text/html;charset=UTF-8" %>
            <p id="fragment-like">no body end tag</p>
            """;

    private LifecycleDeployment() {
    }

    static WebArchive create() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "lifecycle.war")
                .addClasses(LifecycleApplication.class, TabCounter.class, CounterController.class,
                        OtherPagesController.class, PlainResource.class, StatisticsResource.class)
                .addAsWebInfResource(view(COUNTER), "views/counter.jsp")
                .addAsWebInfResource(view(COUNT), "views/count.jsp")
                .addAsWebInfResource(view(HOME), "views/home.jsp")
                .addAsWebInfResource(view(PLACED), "views/placed.jsp")
                .addAsWebInfResource(view(BODYLESS), "views/bodyless.jsp")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Htmx.addTo(war);
    }

    private static StringAsset view(String jsp) {
        return new StringAsset(jsp.replace("HTMX", Htmx.scriptPath()));
    }
}
