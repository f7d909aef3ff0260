package dev.nex.jakarta.tck.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.testing.PageScriptTag;
import dev.nex.jakarta.testing.WebClient;

/**
 * Actions (SPEC 7.4, 7.5, 7.8): directives become htmx response headers (for plain requests, navigation becomes
 * 303); actions are found by path or by a single segment against the Referer's page; failures answer with an
 * error fragment or page and leave the page usable.
 */
@ExtendWith(ArquillianExtension.class)
class ActionsTest {

    @ArquillianResource
    URL base;

    private WebClient tab;
    private String pageId;
    private String csrf;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LifecycleDeployment.create();
    }

    @BeforeEach
    void openPage() {
        tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/counter");
        pageId = page.headers().firstValue("X-Nex-Page-Id").orElseThrow();
        csrf = PageScriptTag.of(page).csrfToken();
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

    // SPEC 7.4
    @Test
    void refreshAnswersHxRefreshWithNoBody() {
        HttpResponse<String> response = htmx("refresh");
        assertEquals("true", header(response, "HX-Refresh"));
        assertEquals("", response.body());
    }

    // SPEC 7.4
    @Test
    void redirectAndLocationAnswerTheirHeaders() {
        assertEquals("/elsewhere", header(htmx("redirect"), "HX-Redirect"));
        assertEquals("/lifecycle/app/counter", header(htmx("location"), "HX-Location"));
        assertEquals("{\"path\":\"/lifecycle/app/counter\",\"target\":\"#main\",\"swap\":\"innerHTML\"}",
                header(htmx("location-json"), "HX-Location"));
    }

    // SPEC 7.4
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

    // SPEC 7.4
    @Test
    void triggersMergeAsNamesOrAsJsonOnceAnyHasADetail() {
        HttpResponse<String> names = htmx("triggers");
        assertEquals("first, second", header(names, "HX-Trigger"));
        assertEquals("{\"swapped\":{\"n\":1}}", header(names, "HX-Trigger-After-Swap"));
        assertEquals("settled", header(names, "HX-Trigger-After-Settle"));
        assertEquals("{\"plain\":null,\"detailed\":{\"id\":42}}", header(htmx("trigger-details"), "HX-Trigger"));
    }

    // SPEC 7.4
    @Test
    void directivesAddedBesideAFragmentComeWithIt() {
        HttpResponse<String> response = htmx("fragment");
        assertEquals("<span id=\"count\">1</span>", response.body().trim());
        assertEquals("{\"counted\":null,\"counted-twice\":\"yes\"}", header(response, "HX-Trigger"));
    }

    // SPEC 7.4
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

    private HttpResponse<String> addItem(String path, String item, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "X-Nex-Page-Id";
        all[1] = pageId;
        all[2] = "X-CSRF-TOKEN";
        all[3] = csrf;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return tab.post(path, Map.of("item", item), all);
    }

    // SPEC 7.5: an action is found by its path
    @Test
    void actionIsMatchedByItsPath() {
        HttpResponse<String> added = addItem("app/cart/add_item", "tea", "HX-Request", "true");
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("<li>tea</li>"), added.body());
    }

    // SPEC 7.5: a single-segment action path is resolved against the Referer's page when nothing else matches
    @Test
    void singleSegmentActionIsResolvedAgainstTheRefererPage() {
        String cart = base + "app/cart";
        HttpResponse<String> added = addItem("app/add_item", "tea", "HX-Request", "true", "Referer", cart);
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("<li>tea</li>"), added.body());
        HttpResponse<String> again = addItem("app/add_item", "milk", "HX-Request", "true", "Referer", cart + "/");
        assertTrue(again.body().contains("<li>tea</li><li>milk</li>"), again.body());
    }

    // SPEC 7.5: never for GETs, boosted requests, plain requests, other origins, or paths a resource answers
    @Test
    void refererResolutionNeverRewritesWhatItMustNot() {
        String cart = base + "app/cart";
        assertEquals(404, tab.get("app/add_item", "HX-Request", "true", "X-Nex-Page-Id", pageId,
                "Referer", cart).statusCode(), "GET");
        assertEquals(404, addItem("app/add_item", "x", "HX-Request", "true", "HX-Boosted", "true",
                "Referer", cart).statusCode(), "boosted");
        assertEquals(404, addItem("app/add_item", "x", "Referer", cart).statusCode(), "not htmx");
        assertEquals(404, addItem("app/add_item", "x", "HX-Request", "true",
                "Referer", "http://elsewhere.example" + base.getPath() + "app/cart").statusCode(), "other origin");
        assertEquals(404, addItem("app/add_item", "x", "HX-Request", "true", "Referer", ":bad:").statusCode());
        assertEquals(405, addItem("app/plain", "x", "HX-Request", "true", "Referer", cart).statusCode(),
                "a path a resource answers stays as it is");
        HttpResponse<String> cartNow = addItem("app/cart/add_item", "checked", "HX-Request", "true");
        assertEquals(200, cartNow.statusCode(), cartNow.body());
        assertTrue(cartNow.body().contains("<li>checked</li>"), cartNow.body());
        assertFalse(cartNow.body().contains("<li>x</li>"), "no refused request reached the cart: " + cartNow.body());
    }

    // SPEC 7.8, 4.5: an application's own inactive context is its bug, an error like any other, not a 400 that
    // blames the request for a missing page id
    @Test
    void applicationsOwnInactiveContextIsAnErrorNotAMissingPage() {
        HttpResponse<String> failed = addItem("app/plain/inactive-context", "x", "HX-Request", "true");
        assertEquals(500, failed.statusCode(), failed.body());
        assertTrue(failed.body().startsWith("<div class=\"nex-error\" role=\"alert\""), failed.body());
        assertFalse(failed.body().contains("page id"), failed.body());
    }

    // SPEC 7.8: a failing htmx action answers an error fragment; its earlier writes stay; the page lives on
    @Test
    void failingActionAnswersAnErrorFragmentAndLeavesThePageUsable() {
        HttpResponse<String> failed = tab.post("app/cart/fail", Map.of(), "HX-Request", "true",
                "X-Nex-Page-Id", pageId, "X-CSRF-TOKEN", csrf);
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().startsWith("<div class=\"nex-error\" role=\"alert\""), failed.body());
        assertFalse(failed.body().contains("an action failed"), "no internals in the response");
        HttpResponse<String> written = tab.get("app/cart/written", "HX-Request", "true", "X-Nex-Page-Id", pageId);
        assertTrue(written.body().contains("<li>kept</li>"), written.body());
        assertTrue(addItem("app/cart/add_item", "tea", "HX-Request", "true").body().contains("<li>tea</li>"));
    }

    // SPEC 7.8: the same failure on a plain request answers an error page
    @Test
    void failingPlainRequestAnswersAnErrorPage() {
        HttpResponse<String> failed = tab.post("app/cart/fail", Map.of(), "X-Nex-Page-Id", pageId,
                "X-CSRF-TOKEN", csrf);
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().startsWith("<!DOCTYPE html>"), failed.body());
    }

    // SPEC 7.6: a refused CSRF check answers an htmx-friendly fragment
    @Test
    void csrfRefusalIsAnHtmxFriendlyFragment() {
        HttpResponse<String> refused = tab.post("app/cart/add_item", Map.of("item", "x"), "HX-Request", "true",
                "X-Nex-Page-Id", pageId);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().startsWith("<div class=\"nex-error\""), refused.body());
    }
}
