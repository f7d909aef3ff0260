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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import dev.nex.jakarta.testing.Browser;
import dev.nex.jakarta.testing.NexClient;
import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.NexResponse;

/**
 * Forms (SPEC 11.1, 11.2, 11.3, 11.5): constraints on an action's input cannot be bypassed; an action can answer
 * its form again with the errors where the user typed them, which htmx swaps in; one response updates several
 * places of the page; a redirect carries a one-time message.
 */
@ExtendWith(ArquillianExtension.class)
class FormsTest {

    /** The tag of the tests that need Jakarta MVC's {@code @MvcBinding} to reach the controller. */
    static final String MVC_BINDING = "mvc-binding";
    private static final String ERROR_FRAGMENT = "<div class=\"nex-error\" role=\"alert\" data-status=\"400\">";

    @ArquillianResource
    URL base;

    /** The signup page, opened in a tab of its own for each test. */
    private NexPage signup;

    @Deployment(testable = false)
    static WebArchive forms() {
        return LifecycleDeployment.create();
    }

    @BeforeEach
    void openTheSignupPage() {
        signup = NexClient.at(base).open("app/signup");
    }

    // SPEC 11.1: a @Valid @BeanParam without @MvcBinding (fields and a nested @Valid part) that violates its
    // constraints never reaches the action: 400, the htmx error fragment naming each field with its message, escaped
    @Test
    void beanParamViolatingItsConstraintsIsRefusedWith400NamingEachFieldAndTheActionDoesNotRun() {
        HttpResponse<String> refused = post("add", Map.of("email", "nope", "name", "a", "zip", "12"));
        assertEquals(400, refused.statusCode(), refused.body());
        String body = refused.body();
        assertTrue(body.startsWith(ERROR_FRAGMENT), body);
        assertTrue(body.contains("<li data-field=\"email\">email: "), body);
        assertTrue(body.contains("<li data-field=\"name\">name: needs &lt;2&gt; letters or more</li>"), body);
        assertTrue(body.contains("<li data-field=\"zip\">zip: must be 5 digits</li>"), body);
        assertFalse(body.contains("<2>"), "messages are escaped: " + body);

        HttpResponse<String> blank = post("add", Map.of("email", "", "name", "Al"));
        assertEquals(400, blank.statusCode(), blank.body());
        assertTrue(blank.body().contains("<li data-field=\"email\">"), blank.body());
        assertFalse(blank.body().contains("data-field=\"name\""), blank.body());
        assertEquals("0", runs(), "the action never ran");

        HttpResponse<String> valid = post("add", Map.of("email", "al@example.org", "name", "Al", "zip", "12345"));
        assertEquals(200, valid.statusCode(), valid.body());
        assertEquals("<p id=\"signed-up\">Welcome Al</p>", valid.body().trim());
        assertEquals("1", runs());
    }

    // SPEC 11.1: a constrained method parameter, and a value that does not convert, are client errors too
    @Test
    void methodParameterViolatingItsConstraintOrNotConvertingIsRefusedWith400() {
        HttpResponse<String> young = post("age", Map.of("age", "12"));
        assertEquals(400, young.statusCode(), young.body());
        assertTrue(young.body().contains("<li data-field=\"age\">age: "), young.body());
        for (String age : new String[] {"x", "", "99999999999999", "1e3"}) {
            HttpResponse<String> unconvertible = post("age", Map.of("age", age));
            assertEquals(400, unconvertible.statusCode(), "age=" + age + ": " + unconvertible.body());
        }
        assertEquals("0", runs(), "the action never ran");
        assertEquals(200, post("age", Map.of("age", "30")).statusCode());
        assertEquals("1", runs());
    }

    // SPEC 11.1: a constraint on a type argument (List<@Size(max = 8) String>) is one too, the only one of its
    // controller: Nex binds validation only to constrained controllers, and finds it there
    @Test
    void constraintOnATypeArgumentIsRefusedWith400() {
        HttpResponse<String> refused = signup.http().post("app/tags", Map.of("tag", "much too long"),
                signup.htmxHeaders());
        assertEquals(400, refused.statusCode(), refused.body());
        HttpResponse<String> valid = signup.http().post("app/tags", Map.of("tag", "short"), signup.htmxHeaders());
        assertEquals(200, valid.statusCode(), valid.body());
        assertEquals("<p id=\"signed-up\">Welcome short</p>", valid.body().trim());
    }

    // SPEC 11.1: a plain form post gets the same refusal as an error page
    @Test
    void plainPostViolatingConstraintsGetsAnErrorPageNamingTheFields() {
        HttpResponse<String> refused = signup.http().post("app/signup/add", Map.of("email", "nope", "name", "Al"),
                "X-CSRF-TOKEN", signup.csrfToken());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().startsWith("<!DOCTYPE html>"), refused.body());
        assertTrue(refused.body().contains("<li data-field=\"email\">"), refused.body());
    }

    // SPEC 11.1, 7.8: a return value violating the action's own constraint is the server's fault: 500
    @Test
    void returnValueViolatingItsConstraintIsAServerError() {
        HttpResponse<String> broken = post("broken", Map.of());
        assertEquals(500, broken.statusCode(), broken.body());
        assertTrue(broken.body().startsWith("<div class=\"nex-error\" role=\"alert\" data-status=\"500\">"),
                broken.body());
    }

    // SPEC 11.2: an action that validates its form itself answers it again with 422: the values typed and each
    // field's message, escaped
    @Test
    void actionAnswersItsFormAgainWithTheErrorsAnd422() {
        assertFormAgainWith422("checked");
    }

    // SPEC 11.1 (@MvcBinding), 11.2: with @MvcBinding the action runs and decides, from BindingResult. Tagged: a
    // runner can leave it out on a server whose JAX-RS runtime validates controllers itself (docs/tck.md)
    @Test
    @Tag(MVC_BINDING)
    void withMvcBindingTheActionRunsAndDecides() {
        assertFormAgainWith422("bound");
    }

    private void assertFormAgainWith422(String action) {
        HttpResponse<String> again = post(action, Map.of("email", "nope\"><b>", "name", "a"));
        assertEquals(422, again.statusCode(), again.body());
        String form = again.body();
        assertTrue(form.contains("<form id=\"signup\""), form);
        assertTrue(form.contains("value=\"nope&#034;&gt;&lt;b&gt;\""), "the typed value, escaped: " + form);
        assertTrue(form.contains("<span id=\"name-error\">needs &lt;2&gt; letters or more</span>"), form);
        assertFalse(form.contains("<span id=\"email-error\"></span>"), "the email has its message: " + form);
        assertEquals("0", runs());

        HttpResponse<String> valid = post(action, Map.of("email", "al@example.org", "name", "Al"));
        assertEquals(200, valid.statusCode(), valid.body());
        assertEquals("1", runs());
    }

    // SPEC 11.2: in a browser, the 422 answer replaces the form (the page script tells htmx to swap it), the user
    // sees each message next to the field with what they typed; corrected, the form is sent
    @Test
    void browserShowsTheErrorsNextToTheFieldsAndKeepsWhatWasTyped() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/signup");
            browser.find(By.id("email")).sendKeys("not-an-address");
            browser.find(By.id("name")).sendKeys("A");
            browser.find(By.id("submit")).click();
            browser.waitForText(By.id("name-error"), "needs <2> letters or more");
            assertFalse(browser.find(By.id("email-error")).getText().isEmpty(), "the email's message is shown");
            assertEquals("not-an-address", browser.find(By.id("email")).getAttribute("value"));
            assertEquals("A", browser.find(By.id("name")).getAttribute("value"));

            browser.find(By.id("email")).clear();
            browser.find(By.id("email")).sendKeys("al@example.org");
            browser.find(By.id("name")).sendKeys("l");
            browser.find(By.id("submit")).click();
            browser.waitForText(By.id("signed-up"), "Welcome Al");
        }
    }

    // SPEC 11.5: a plain form post answered with 303 shows a one-time message on the page it leads to, also from a
    // page that opened no session
    @Test
    void plainPostRedirectedWith303ShowsAOneTimeMessageOnTheNextPage() {
        assertFalse(signup.http().cookieHeader().contains("JSESSIONID"), "the form's page opened no session");
        HttpResponse<String> posted = signup.http().post("app/signup/plain", Map.of("name", "Ada <3"),
                "X-CSRF-TOKEN", signup.csrfToken());
        assertEquals(303, posted.statusCode(), posted.body());
        String next = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(next.startsWith(base.toString()), next);
        String path = next.substring(base.toString().length());

        HttpResponse<String> landed = signup.http().get(path);
        assertEquals(200, landed.statusCode(), landed.body());
        assertTrue(landed.body().contains("<p id=\"flash\">Welcome Ada &lt;3</p>"), landed.body());
        HttpResponse<String> again = signup.http().get(path);
        assertTrue(again.body().contains("<p id=\"flash\"></p>"), "shown once: " + again.body());
    }

    // SPEC 11.3: an htmx action answers its view and, out of band, fragments of other views and engines, each
    // rendered with the action's models and marked on its first element; a plain post gets its view alone
    @Test
    void htmxActionAnswersOutOfBandFragmentsOfOtherViewsAfterItsOwn() {
        NexPage cart = NexClient.at(base).open("app/cart");
        NexResponse added = cart.post("app/cart/add_item_everywhere", Map.of("item", "tea")).assertStatus(200);
        String body = added.body().replaceAll(">\\s+<", "><").trim();
        assertEquals("<ul id=\"cart-items\"><li>tea</li></ul>"
                + "<span hx-swap-oob=\"true\" id=\"cart-count\">1</span>"
                + "<ul hx-swap-oob=\"beforeend:#cart-log\"><li>tea</li></ul>", body);

        HttpResponse<String> plain = cart.http().post("app/cart/add_item_everywhere", Map.of("item", "milk"),
                "X-Nex-Page-Id", cart.id(), "X-CSRF-TOKEN", cart.csrfToken());
        assertEquals(200, plain.statusCode(), plain.body());
        assertTrue(plain.body().contains("<li>milk</li>"), plain.body());
        assertFalse(plain.body().contains("hx-swap-oob"), "no out-of-band fragments outside htmx: " + plain.body());
    }

    // SPEC 11.3: in a browser, htmx swaps each out-of-band fragment where it belongs
    @Test
    void browserSwapsEachOutOfBandFragmentWhereItBelongs() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/cart");
            for (String item : new String[] {"tea", "milk"}) {
                browser.find(By.id("item")).clear();
                browser.find(By.id("item")).sendKeys(item);
                browser.find(By.id("add-everywhere")).click();
                browser.waitForText(By.id("cart-count"), item.equals("tea") ? "1" : "2");
            }
            browser.waitForText(By.id("cart-items"), "tea\nmilk");
            browser.waitForText(By.id("cart-log"), "tea\nmilk");
        }
    }

    private HttpResponse<String> post(String action, Map<String, String> form) {
        return signup.http().post("app/signup/" + action, form, signup.htmxHeaders());
    }

    private String runs() {
        return signup.get("app/signup/runs").fragment().text();
    }
}
