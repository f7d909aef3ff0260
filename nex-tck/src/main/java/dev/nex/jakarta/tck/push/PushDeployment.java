package dev.nex.jakarta.tck.push;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.tck.state.AsyncServlet;
import dev.nex.jakarta.tck.support.Htmx;
import dev.nex.jakarta.tck.support.StatisticsResource;

/**
 * The push test application: a page whose view connects htmx's SSE extension (served by Nex) to the page's
 * stream, actions that push from the request and from a managed executor, and small limits so that tests reach
 * them: 4 buffered events, 2 streams per session, a heartbeat every second.
 */
public final class PushDeployment {

    static final String CONFIG = """
            nex.push.buffer=4
            nex.push.max-per-session=2
            nex.push.heartbeat=PT1S
            """;

    static final String VIEW = """
            <%@ page contentType="text/html;charset=UTF-8" session="false" %>
            <!DOCTYPE html>
            <html>
            <head>
              <title>push</title>
              <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>
              <script src="${pageContext.request.contextPath}/nex/htmx-ext-sse.js"></script>
            </head>
            <body>
              <p id="page">${nexPage.id}</p>
              <div id="listener" hx-ext="sse" sse-connect="${nexPage.streamUrl}">
                <div id="progress" sse-swap="progress">idle</div>
                <div id="outcome" sse-swap="result">no result</div>
              </div>
              <button id="start" hx-post="${mvc.basePath}/push-actions/job" hx-vals='{"steps": "5"}'
                      hx-swap="none">Start</button>
            </body>
            </html>
            """;

    private PushDeployment() {
    }

    static WebArchive create() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "push.war")
                .addClasses(PushApplication.class, StatisticsResource.class)
                .addAsResource(new StringAsset(CONFIG), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Htmx.withSseExtensionAddTo(addPushPage(war));
    }

    /**
     * Adds the push page ({@code app/push}) and its actions ({@code app/push-actions/…}) to {@code war}, whose
     * JAX-RS application is at {@code app}: the cluster's application pushes too.
     */
    public static WebArchive addPushPage(WebArchive war) {
        return war.addClasses(PushController.class, PushActions.class, AsyncServlet.class)
                .addAsWebInfResource(new StringAsset(VIEW), "views/push.jsp");
    }
}
