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
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.testing.PageScriptTag;
import dev.nex.jakarta.testing.WebClient;

/**
 * SPEC 8, 7.6, 7.7, 6.6 with every switch turned: a custom page-id header, no script injection (the template
 * helper places it), no unload beacon, and a custom CSRF header name.
 */
@ExtendWith(ArquillianExtension.class)
class CustomConfigurationTest {

    private static final String PAGE_HEADER = "X-Tab";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = LifecycleDeployment.create()
                .deleteClass(LifecycleApplication.class)
                .addClass(CustomHeadersApplication.class);
        war.delete("WEB-INF/classes/META-INF/microprofile-config.properties");
        return war.addAsResource(new StringAsset("""
                nex.layout=layout.jsp
                nex.page.header=X-Tab
                nex.script.inject=false
                nex.unload-beacon=false
                """), "META-INF/microprofile-config.properties");
    }

    // SPEC 8 (nex.script.inject=false), 7.7: no injection; the template helper still places the script once
    @Test
    void withoutInjectionOnlyTheTemplateHelperPlacesTheScript() {
        WebClient client = new WebClient(base);
        assertFalse(client.get("app/counter").body().contains("nex.js"), "not injected");
        String placed = client.get("app/pages/placed").body();
        assertEquals(1, placed.split("/nex/nex\\.js", -1).length - 1, placed);
        assertTrue(placed.contains("data-nex-page-header=\"X-Tab\""), placed);
        assertTrue(placed.contains("data-nex-csrf-header=\"" + CustomHeadersApplication.CSRF_HEADER + "\""), placed);
        assertFalse(placed.contains("data-nex-unload"), "no beacon: " + placed);
    }

    // SPEC 8 (nex.page.header): full pages announce their id, and actions present it, in the configured header
    @Test
    void pageIdTravelsInTheConfiguredHeader() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/pages/placed");
        assertFalse(page.headers().firstValue("X-Nex-Page-Id").isPresent());
        String id = page.headers().firstValue(PAGE_HEADER).orElseThrow();
        String csrf = csrf(page);
        assertEquals("<span id=\"count\">1</span>", increment(tab, PAGE_HEADER, id, csrf).body().trim());
        assertEquals("<span id=\"count\">2</span>", increment(tab, PAGE_HEADER, id, csrf).body().trim());
        assertEquals(400, increment(tab, "X-Nex-Page-Id", id, csrf).statusCode(), "the default header means nothing");
    }

    // SPEC 7.6: the CSRF token is checked in the header the application named
    @Test
    void csrfTokenIsCheckedInTheConfiguredHeader() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/pages/placed");
        String id = page.headers().firstValue(PAGE_HEADER).orElseThrow();
        HttpResponse<String> defaultHeader = tab.post("app/counter/increment", Map.of(), "HX-Request", "true",
                PAGE_HEADER, id, "X-CSRF-TOKEN", csrf(page));
        assertEquals(403, defaultHeader.statusCode());
        assertEquals(200, increment(tab, PAGE_HEADER, id, csrf(page)).statusCode());
    }

    // SPEC 6.6 (nex.unload-beacon=false): no unload endpoint, and a beacon sent anyway ends nothing
    @Test
    void unloadEndpointIsOffWithTheBeacon() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/pages/placed");
        String id = page.headers().firstValue(PAGE_HEADER).orElseThrow();
        assertEquals("<span id=\"count\">1</span>", increment(tab, PAGE_HEADER, id, csrf(page)).body().trim());
        assertEquals(404, tab.post("nex/unload", Map.of("page", id)).statusCode());
        assertEquals("<span id=\"count\">2</span>", increment(tab, PAGE_HEADER, id, csrf(page)).body().trim(),
                "the page and its state live on");
    }

    private static HttpResponse<String> increment(WebClient tab, String header, String id, String csrf) {
        return tab.post("app/counter/increment", Map.of(), "HX-Request", "true", header, id,
                CustomHeadersApplication.CSRF_HEADER, csrf);
    }

    private static String csrf(HttpResponse<String> page) {
        return PageScriptTag.of(page).csrfToken();
    }
}
