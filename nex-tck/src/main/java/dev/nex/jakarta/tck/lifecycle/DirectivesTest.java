package dev.nex.jakarta.tck.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.tck.support.WebClient;

/** SPEC 7.4: directives become htmx response headers; for plain requests, navigation becomes 303. */
@ExtendWith(ArquillianExtension.class)
class DirectivesTest {

    private static final Pattern CSRF = Pattern.compile("data-nex-csrf=\"([^\"]+)\"");

    @ArquillianResource
    URL base;

    private WebClient tab;
    private String pageId;
    private String csrf;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LifecycleDeployment.create().addClass(DirectivesController.class);
    }

    @BeforeEach
    void openPage() {
        tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/counter");
        pageId = page.headers().firstValue("X-Nex-Page-Id").orElseThrow();
        Matcher token = CSRF.matcher(page.body());
        assertTrue(token.find());
        csrf = token.group(1);
    }

    private HttpResponse<String> htmx(String action) {
        HttpResponse<String> response = tab.post("app/directives/" + action, Map.of(), "HX-Request", "true",
                "X-Nex-Page-Id", pageId, "X-CSRF-TOKEN", csrf);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private HttpResponse<String> plain(String action, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-CSRF-TOKEN";
        all[1] = csrf;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return tab.post("app/directives/" + action, Map.of(), all);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void refreshAnswersHxRefreshWithNoBody() {
        HttpResponse<String> response = htmx("refresh");
        assertEquals("true", header(response, "HX-Refresh"));
        assertEquals("", response.body());
    }

    @Test
    void redirectAndLocationAnswerTheirHeaders() {
        assertEquals("/elsewhere", header(htmx("redirect"), "HX-Redirect"));
        assertEquals("/lifecycle/app/counter", header(htmx("location"), "HX-Location"));
        assertEquals("{\"path\":\"/lifecycle/app/counter\",\"target\":\"#main\",\"swap\":\"innerHTML\"}",
                header(htmx("location-json"), "HX-Location"));
    }

    @Test
    void historyAndSwapDirectivesAnswerTheirHeaders() {
        HttpResponse<String> history = htmx("history");
        assertEquals("/pushed", header(history, "HX-Push-Url"));
        assertEquals("false", header(history, "HX-Replace-Url"));
        HttpResponse<String> swap = htmx("swap");
        assertEquals("#other", header(swap, "HX-Retarget"));
        assertEquals("innerHTML", header(swap, "HX-Reswap"));
        assertEquals("#part", header(swap, "HX-Reselect"));
    }

    @Test
    void triggersMergeAsNamesOrAsJsonOnceAnyHasADetail() {
        HttpResponse<String> names = htmx("triggers");
        assertEquals("first, second", header(names, "HX-Trigger"));
        assertEquals("{\"swapped\":{\"n\":1}}", header(names, "HX-Trigger-After-Swap"));
        assertEquals("settled", header(names, "HX-Trigger-After-Settle"));
        assertEquals("{\"plain\":null,\"detailed\":{\"id\":42}}", header(htmx("trigger-details"), "HX-Trigger"));
    }

    @Test
    void directivesAddedBesideAFragmentComeWithIt() {
        HttpResponse<String> response = htmx("fragment");
        assertEquals("<span id=\"count\">1</span>", response.body().trim());
        assertEquals("{\"counted\":null,\"counted-twice\":\"yes\"}", header(response, "HX-Trigger"));
    }

    @Test
    void forPlainRequestsNavigationIsSeeOther() {
        HttpResponse<String> redirect = plain("redirect");
        assertEquals(303, redirect.statusCode());
        assertTrue(header(redirect, "Location").endsWith("/elsewhere"), header(redirect, "Location"));
        assertFalse(redirect.headers().firstValue("HX-Redirect").isPresent());

        HttpResponse<String> location = plain("location-json");
        assertEquals(303, location.statusCode());
        assertTrue(header(location, "Location").endsWith("/lifecycle/app/counter"), header(location, "Location"));

        String page = base + "app/counter";
        HttpResponse<String> refresh = plain("refresh", "Referer", page);
        assertEquals(303, refresh.statusCode());
        assertEquals(page, header(refresh, "Location"), "refresh reloads the page the form was on");

        HttpResponse<String> foreignReferer = plain("refresh", "Referer", "https://elsewhere.example/x");
        assertEquals(303, foreignReferer.statusCode());
        assertFalse(header(foreignReferer, "Location").contains("elsewhere.example"), "never another origin");
        assertEquals(303, plain("refresh", "Referer", "::not a uri::").statusCode());
    }
}
