package dev.nex.jakarta.tck.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import dev.nex.jakarta.tck.support.Htmx;
import dev.nex.jakarta.testing.Browser;
import dev.nex.jakarta.testing.WebClient;

/**
 * Proves the test harness itself is real on the server under test, before any Nex rule is checked:
 * Jakarta MVC renders a JSP, real htmx in real Chromium posts with Jakarta MVC's CSRF token in the
 * {@code X-CSRF-TOKEN} header and swaps the returned fragment, and a POST without the token is refused.
 * This is the platform ground that SPEC 7.6 (CSRF) and 7.1/7.3 (pages and actions) build on.
 */
@ExtendWith(ArquillianExtension.class)
class HarnessSelfTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        String page = """
                <%@ page contentType="text/html;charset=UTF-8" %>
                <!DOCTYPE html>
                <html>
                <head>
                  <meta name="csrf-token" content="${mvc.csrf.token}">
                  <script src="${pageContext.request.contextPath}/HTMX"></script>
                </head>
                <body hx-headers='{"X-CSRF-TOKEN": "${mvc.csrf.token}"}'>
                  <form hx-post="${mvc.basePath}/harness/greet" hx-target="#greeting" hx-swap="outerHTML">
                    <input id="name" name="name">
                    <button id="greet" type="submit">Greet</button>
                  </form>
                  <p id="greeting">nobody greeted yet</p>
                </body>
                </html>
                """.replace("HTMX", Htmx.scriptPath());
        String fragment = """
                <p id="greeting">Hello, ${mvc.encoders.html(name)}!</p>
                """;
        WebArchive war = ShrinkWrap.create(WebArchive.class, "harness.war")
                .addClasses(HarnessApplication.class, HarnessController.class)
                .addAsWebInfResource(new StringAsset(page), "views/harness.jsp")
                .addAsWebInfResource(new StringAsset(fragment), "views/greeting.jsp")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Htmx.addTo(war);
    }

    @Test
    void htmxPostCarryingCsrfHeaderSwapsFragmentInChromium() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/harness");
            assertEquals("object", browser.script("return typeof htmx"), "htmx loaded from its WebJar");
            String pageUrl = browser.currentUrl();

            browser.find(By.id("name")).sendKeys("Ada <3");
            browser.find(By.id("greet")).click();

            browser.waitForText(By.id("greeting"), "Hello, Ada <3!");
            assertEquals(pageUrl, browser.currentUrl(), "swapped in place, no navigation");
        }
    }

    @Test
    void postWithoutCsrfTokenIsForbiddenAndWithTokenSucceeds() {
        WebClient client = new WebClient(base);
        HttpResponse<String> page = client.get("app/harness");
        assertEquals(200, page.statusCode());
        Matcher token = CSRF_META.matcher(page.body());
        assertTrue(token.find(), "page renders the CSRF token: " + page.body());

        HttpResponse<String> withoutToken = client.post("app/harness/greet", Map.of("name", "Eve"),
                "HX-Request", "true");
        assertEquals(403, withoutToken.statusCode());

        HttpResponse<String> withToken = client.post("app/harness/greet", Map.of("name", "Eve"),
                "HX-Request", "true", "X-CSRF-TOKEN", token.group(1));
        assertEquals(200, withToken.statusCode());
        assertTrue(withToken.body().contains("Hello, Eve!"), withToken.body());
    }
}
