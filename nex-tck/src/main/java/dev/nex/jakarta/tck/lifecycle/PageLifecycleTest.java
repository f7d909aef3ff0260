package dev.nex.jakarta.tck.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import dev.nex.jakarta.tck.support.StatisticsResource;
import dev.nex.jakarta.testing.Browser;
import dev.nex.jakarta.testing.PageScriptTag;
import dev.nex.jakarta.testing.Poll;
import dev.nex.jakarta.testing.WebClient;

/**
 * The page lifecycle on Jakarta MVC (SPEC 7.1, 7.3, 7.6, 7.7, 6.6): what a full page and an action get, the page
 * script, CSRF, the unload beacon; over HTTP and in Chromium with real htmx. The test pages carry no Nex markup
 * and no htmx headers of their own: the injected script must do it all.
 */
@ExtendWith(ArquillianExtension.class)
class PageLifecycleTest {

    private static final String PAGE_HEADER = "X-Nex-Page-Id";
    /** The browser key cookie over plain HTTP (docs/security.md). */
    private static final String BROWSER_KEY = "Nex-Key";
    private static final Pattern CART_ITEM = Pattern.compile("<li>([^<]*)</li>");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script src=\"[^\"]*/nex/nex\\.js\"[^>]*></script>");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LifecycleDeployment.create();
    }

    // SPEC 7.1, 7.7: one script tag before the last </body>, naming the page; never cached; varies on HX-Request
    @Test
    void fullPageGetsThePageScriptBeforeItsLastBodyEndAndNoStoreHeaders() {
        HttpResponse<String> page = new WebClient(base).get("app/counter");
        assertEquals(200, page.statusCode(), page.body());
        String id = pageId(page);
        List<String> tags = scriptTags(page.body());
        assertEquals(1, tags.size(), page.body());
        String tag = tags.get(0);
        assertTrue(tag.contains("data-nex-page=\"" + id + "\""), tag);
        assertTrue(tag.contains("data-nex-csrf-header=\"X-CSRF-TOKEN\""), tag);
        assertTrue(tag.contains("src=\"" + base.getPath() + "nex/nex.js\""), tag);
        assertTrue(page.body().replaceAll("\\s+", "").endsWith(tag.replaceAll("\\s+", "") + "</body></html>"),
                page.body());
        // no-store among the directives: servers may add their own (Open Liberty adds no-cache=set-cookie
        // to a response that creates the session)
        String cacheControl = String.join(",", page.headers().allValues("Cache-Control"));
        assertTrue(Arrays.stream(cacheControl.split(",")).map(String::trim).anyMatch("no-store"::equals),
                cacheControl);
        assertTrue(page.headers().allValues("Vary").stream().anyMatch(v -> v.contains("HX-Request")));
    }

    // SPEC 7.1, 7.2: a full page is its view inside the default layout (nex.layout), which sees every model
    @Test
    void fullPageIsWrappedInTheDefaultLayoutWhichSeesAllModels() {
        String body = new WebClient(base).get("app/counter").body();
        assertTrue(body.contains("<title>Counter</title>"), body);
        assertTrue(body.contains("<header id=\"layout\">default layout of Counter</header>"), body);
        assertTrue(body.matches("(?s).*<main>\\s*<h1 id=\"title\">Counter</h1>.*<span id=\"count\">0</span>\\s*</main>.*"),
                body);
    }

    // SPEC 7.3: an htmx GET of a page URL is an action: the view alone, without layout or script
    @Test
    void htmxFragmentRequestGetsTheViewWithoutLayoutOrScript() {
        WebClient tab = new WebClient(base);
        String id = pageId(tab.get("app/counter"));
        HttpResponse<String> fragment = tab.get("app/counter", "HX-Request", "true", PAGE_HEADER, id);
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().contains("<span id=\"count\">0</span>"), fragment.body());
        assertFalse(fragment.body().contains("layout"), fragment.body());
        assertFalse(fragment.body().contains("nex.js"), fragment.body());
    }

    // SPEC 7.2: the layout is the method's, else the class's, else nex.layout; or none
    @Test
    void layoutIsChosenPerMethodPerClassOrNone() {
        WebClient client = new WebClient(base);
        String byClass = client.get("app/layouts/class").body().replaceAll(">\\s+<", "><");
        assertTrue(byClass.contains("alternative layout of Class layout</header><section id=\"card\">card of Class layout"),
                byClass);
        String byMethod = client.get("app/layouts/method").body();
        assertTrue(byMethod.contains("default layout of Method layout"), byMethod);
        assertTrue(byMethod.contains("<section id=\"card\">card of Method layout</section>"), byMethod);
        String none = client.get("app/layouts/none").body().trim();
        assertTrue(none.startsWith("<section id=\"card\">"), none);
        assertFalse(none.contains("layout"), none);
        assertEquals(1, scriptTags(none).size(), "still a full page: " + none);
    }

    // SPEC 7.2: any Jakarta MVC view engine renders pages and layouts, mixed with JSP
    @Test
    void layoutsWorkWithAnyViewEngine() {
        WebClient client = new WebClient(base);
        String mini = client.get("app/layouts/mini").body().replaceAll(">\\s+<", "><");
        assertTrue(mini.contains("<header id=\"layout\">mini layout of Mini</header><section id=\"card\">mini card of Mini"),
                mini);
        assertTrue(mini.replaceAll("\\s+", "").endsWith("</script></body></html>"), mini);
        String mixed = client.get("app/layouts/mixed").body();
        assertTrue(mixed.contains("default layout of Mixed"), mixed);
        assertTrue(mixed.contains("<section id=\"card\">mini card of Mixed</section>"), mixed);
    }

    // SPEC 7.3: an action gets a fragment: no script, no document
    @Test
    void actionGetsAFragmentWithoutScript() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/counter");
        HttpResponse<String> action = tab.post("app/counter/increment", Map.of(), "HX-Request", "true",
                PAGE_HEADER, pageId(page), "X-CSRF-TOKEN", csrf(page));
        assertEquals(200, action.statusCode(), action.body());
        assertEquals("<span id=\"count\">1</span>", action.body().trim());
        assertFalse(action.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    // SPEC 7.1, 7.3: a view's own charset (a JSP's contentType) is the response's, on a page and in an action
    @Test
    void viewsCharsetIsTheResponsesCharset() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/views/latin");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(charsetOf(page).equalsIgnoreCase("ISO-8859-1"), page.headers().map().toString());
        assertTrue(page.body().contains("<p id=\"latin\">caf\u00e9 cr\u00e8me</p>"), page.body());
        assertEquals(1, scriptTags(page.body()).size(), page.body());
        HttpResponse<String> action = tab.post("app/views/latin", Map.of(), "HX-Request", "true",
                PAGE_HEADER, pageId(page), "X-CSRF-TOKEN", csrf(page));
        assertEquals(200, action.statusCode(), action.body());
        assertTrue(charsetOf(action).equalsIgnoreCase("ISO-8859-1"), action.headers().map().toString());
        assertTrue(action.body().contains("caf\u00e9 cr\u00e8me"), action.body());
        assertTrue(scriptTags(action.body()).isEmpty(), action.body());
    }

    // SPEC 7.1, 7.3, 3.1: a view the container renders as an error page is a full page like any other, whether the
    // container dispatches it within the request's filter call or after it: in its layout, with the page script of
    // the page id the response announces, and actions of that page work
    @Test
    void viewAsAnErrorPageIsAFullPage() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> error = tab.get("teapot");
        assertTrue(error.body().contains("<p id=\"teapot\">caf\u00e9 for a teapot</p>"), error.body());
        assertTrue(charsetOf(error).equalsIgnoreCase("UTF-8"), error.headers().map().toString());
        assertTrue(error.body().contains("<header id=\"layout\">default layout of"), error.body());
        List<String> scripts = scriptTags(error.body());
        assertEquals(1, scripts.size(), error.body());
        assertTrue(scripts.get(0).contains("data-nex-page=\"" + pageId(error) + "\""), error.body());
        increment(tab, pageId(error), csrf(error), "1");
        increment(tab, pageId(error), csrf(error), "2");
    }

    private static String charsetOf(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        Matcher charset = Pattern.compile("charset=\"?([^;\"]+)").matcher(type);
        return charset.find() ? charset.group(1).trim() : "";
    }

    // SPEC 7.1, 7.3: Jakarta MVC's view events fire once per rendered view, for a page in its layout and an action
    @Test
    void viewEventsFireOncePerViewForPagesAndActions() {
        WebClient tab = new WebClient(base);
        tab.get("app/views/events");
        HttpResponse<String> page = tab.get("app/layouts/method");
        assertEquals("before card.jsp,after card.jsp", tab.get("app/views/events").body());
        tab.post("app/counter/increment", Map.of(), "HX-Request", "true", PAGE_HEADER, pageId(page),
                "X-CSRF-TOKEN", csrf(page));
        assertEquals("before count.jsp,after count.jsp", tab.get("app/views/events").body());
    }

    // SPEC 7.3, 7.6: Jakarta MVC's hidden _method field turns a form POST into the PUT it names, CSRF-checked
    @Test
    void hiddenMethodFieldReachesThePutAction() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/counter");
        HttpResponse<String> put = tab.post("app/views/method", Map.of("_method", "PUT"), "HX-Request", "true",
                PAGE_HEADER, pageId(page), "X-CSRF-TOKEN", csrf(page));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("<p id=\"put\">answered by PUT</p>", put.body().trim());
        HttpResponse<String> forged = tab.post("app/views/method", Map.of("_method", "PUT"), "HX-Request", "true",
                PAGE_HEADER, pageId(page));
        assertEquals(403, forged.statusCode(), forged.body());
    }

    // SPEC 7.7: a template may place the script itself; then it is not injected again (nor placed twice)
    @Test
    void scriptPlacedByTheTemplateIsNotInjectedAgain() {
        HttpResponse<String> page = new WebClient(base).get("app/pages/placed");
        assertEquals(1, scriptTags(page.body()).size(), page.body());
        assertTrue(page.body().indexOf("nex.js") < page.body().indexOf("<p>after</p>"), page.body());
    }

    // SPEC 7.1: no </body>: the script is appended
    @Test
    void pageWithoutBodyEndGetsTheScriptAppended() {
        String body = new WebClient(base).get("app/pages/bodyless").body().trim();
        assertEquals(1, scriptTags(body).size(), body);
        assertTrue(body.endsWith("</script>"), body);
    }

    // SPEC 7.1: only HTML pages get the script
    @Test
    void nonHtmlResponsesAreLeftAlone() {
        HttpResponse<String> text = new WebClient(base).get("app/plain");
        assertEquals("<html><body>not html</body></html>", text.body());
    }

    // SPEC 7.7: served by the library, cacheable
    @Test
    void pageScriptIsServedByTheLibraryAndCacheable() {
        HttpResponse<String> script = new WebClient(base).get("nex/nex.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertTrue(script.body().contains("htmx:configRequest"));
        assertFalse(script.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String etag = script.headers().firstValue("ETag").orElse(null);
        if (etag != null) {
            assertEquals(304, new WebClient(base).get("nex/nex.js", "If-None-Match", etag).statusCode());
        } else {
            assertTrue(script.headers().firstValue("Last-Modified").isPresent(), "validators for caching");
        }
    }

    // SPEC 7.7: a CSP nonce of the response is put on the injected tag
    @Test
    void cspNonceIsHonoured() {
        String tag = scriptTags(new WebClient(base).get("app/counter/nonce").body()).get(0);
        assertTrue(tag.contains("nonce=\"r4nd0m\""), tag);
    }

    // SPEC 7.6: a non-GET action without the CSRF token is refused with 403, and nothing runs
    @Test
    void actionWithoutCsrfTokenIsForbidden() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/counter");
        String id = pageId(page);
        HttpResponse<String> forged = tab.post("app/counter/increment", Map.of(), "HX-Request", "true",
                PAGE_HEADER, id);
        assertEquals(403, forged.statusCode());
        HttpResponse<String> real = tab.post("app/counter/increment", Map.of(), "HX-Request", "true",
                PAGE_HEADER, id, "X-CSRF-TOKEN", csrf(page));
        assertEquals("<span id=\"count\">1</span>", real.body().trim(), "the refused action did not count");
    }

    // SPEC 2, 3.2: a full page that stores nothing opens no HTTP session: only the browser key cookie is set
    // (HttpOnly, SameSite=Lax), and the first action that stores something opens the session
    @Test
    void fullPageThatStoresNothingOpensNoSession() {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get("app/cart");
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertEquals(List.of(BROWSER_KEY), cookieNames(page), "no session cookie: " + cookies);
        assertTrue(cookies.get(0).matches("(?i).*;\\s*HttpOnly.*") && cookies.get(0).matches(
                "(?i).*;\\s*SameSite=Lax.*"), cookies.get(0));
        assertEquals(List.of(), cookieNames(tab.get("app/cart")), "the browser keeps its key");
        HttpResponse<String> garbage = WebClient.withoutCookies(base).get("app/cart", "Cookie", BROWSER_KEY
                + "=%00<script>; " + BROWSER_KEY + "=" + "k".repeat(5000));
        assertEquals(200, garbage.statusCode());
        assertEquals(List.of(BROWSER_KEY), cookieNames(garbage), "a malformed key is replaced, never used");

        HttpResponse<String> firstWrite = addItem(tab, page, "apple");
        assertEquals(200, firstWrite.statusCode(), firstWrite::body);
        assertFalse(cookieNames(firstWrite).isEmpty(), "the first write opens the session");
    }

    // SPEC 7.6, 3.2: the CSRF token is the browser's (double-submit cookie); once the browser has a session, the
    // session accepts only the browser key it was first used with, so a key planted in the browser later (by a
    // sibling domain over plain HTTP) does not pass; refused requests change nothing
    @Test
    void csrfTokenIsBoundToTheBrowserAndThenToItsSession() {
        WebClient victim = new WebClient(base);
        HttpResponse<String> victimPage = victim.get("app/cart");
        WebClient attacker = new WebClient(base);
        HttpResponse<String> attackerPage = attacker.get("app/cart");
        String attackerKey = attacker.cookieHeader();

        assertEquals(403, addItem(victim, victimPage, csrf(attackerPage), "x").statusCode(),
                "another browser's token");
        WebClient noCookies = WebClient.withoutCookies(base);
        assertEquals(403, addItem(noCookies, victimPage, csrf(victimPage), "x").statusCode(),
                "the token without the browser's cookie");
        assertEquals(403, addItem(noCookies, victimPage, csrf(victimPage), "x", "Cookie", BROWSER_KEY + "=%zz")
                .statusCode(), "a malformed key");

        assertEquals(200, addItem(victim, victimPage, "apple").statusCode()); // opens the session
        String victimSession = victim.cookieHeader().replaceAll("(^|;\\s*)" + BROWSER_KEY + "=[^;]*", "");
        assertEquals(403, addItem(noCookies, victimPage, csrf(attackerPage), "x", "Cookie",
                victimSession + "; " + attackerKey).statusCode(), "a key planted after the session");

        HttpResponse<String> items = addItem(victim, victimPage, "pear");
        assertEquals(200, items.statusCode(), items::body);
        assertEquals(List.of("apple", "pear"), CART_ITEM.matcher(items.body()).results().map(m -> m.group(1))
                .toList(), "the refused requests added nothing");
    }

    // SPEC 6.6: the unload endpoint ends the caller's own page at once (204); another session's page lives on
    @Test
    void unloadEndsOnlyTheCallersOwnPage() {
        WebClient owner = new WebClient(base);
        HttpResponse<String> page = owner.get("app/counter");
        String id = pageId(page);
        increment(owner, id, csrf(page), "1");

        WebClient stranger = new WebClient(base);
        stranger.get("app/counter");
        assertEquals(204, stranger.post("nex/unload", Map.of("page", id)).statusCode());
        increment(owner, id, csrf(page), "2");

        long unloaded = ended(owner, "UNLOADED");
        assertEquals(204, owner.post("nex/unload", Map.of("page", id)).statusCode());
        assertEquals(unloaded + 1, ended(owner, "UNLOADED"));
        increment(owner, id, csrf(page), "1"); // the page started over

        assertEquals(400, owner.post("nex/unload", Map.of("page", "not an id")).statusCode());
    }

    // SPEC 7.1, 7.3, 7.7: a click runs the action through htmx; the script supplies page id and CSRF token
    @Test
    void clickUpdatesTheFragmentThroughAnAction() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/counter");
            for (int i = 1; i <= 3; i++) {
                browser.find(By.id("increment")).click();
                browser.waitForText(By.id("count"), String.valueOf(i));
            }
        }
    }

    // SPEC 1, 5.2: two tabs of one browser are two pages
    @Test
    void twoTabsAreIsolated() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/counter");
            String first = browser.driver().getWindowHandle();
            clickTimes(browser, 2);

            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.get(base, "app/counter");
            clickTimes(browser, 1);

            browser.driver().switchTo().window(first);
            browser.find(By.id("increment")).click();
            browser.waitForText(By.id("count"), "3");
        }
    }

    // SPEC 2, 4: a reload is a new page with fresh state
    @Test
    void reloadResetsThePage() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/counter");
            clickTimes(browser, 2);
            String before = pageId(browser);
            browser.driver().navigate().refresh();
            browser.waitForText(By.id("count"), "0");
            assertNotEquals(before, pageId(browser));
            clickTimes(browser, 1);
        }
    }

    // SPEC 2, 7.7: boosted navigation yields a new page whose actions work
    @Test
    void boostedNavigationStartsANewPageWhoseActionsWork() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/pages/home");
            String home = pageId(browser);
            browser.find(By.id("to-counter")).click();
            browser.waitForText(By.id("title"), "Counter");
            assertEquals("object", browser.script("return typeof window.nex"));
            String counter = pageId(browser);
            assertNotEquals(home, counter);
            clickTimes(browser, 2);
        }
    }

    // SPEC 2, 7.7 (documented in docs/lifecycle.md): back after boosted navigation restores the previous page,
    // and its actions continue that page's state
    @Test
    void backButtonRestoresThePreviousPageWithItsState() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/counter");
            String counter = pageId(browser);
            clickTimes(browser, 2);
            browser.find(By.id("to-home")).click();
            browser.waitForText(By.id("title"), "Home");

            browser.driver().navigate().back();
            browser.waitForText(By.id("title"), "Counter");
            browser.waitForText(By.id("count"), "2");
            assertEquals(counter, pageId(browser));
            browser.find(By.id("increment")).click();
            browser.waitForText(By.id("count"), "3");
        }
    }

    // SPEC 7.5: in a real browser, a form posting to a single-segment path reaches its page's action
    @Test
    void singleSegmentActionWorksFromARealPage() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/cart");
            for (String item : new String[]{"tea", "milk"}) {
                browser.find(By.id("item")).clear();
                browser.find(By.id("item")).sendKeys(item);
                browser.find(By.id("add")).click();
                browser.waitForText(By.cssSelector("#cart-items li:last-child"), item);
            }
            assertEquals(2, browser.driver().findElements(By.cssSelector("#cart-items li")).size());
        }
    }

    // SPEC 6.6: closing a tab ends its page (the beacon), and only that tab's page
    @Test
    void closingATabEndsItsPage() {
        try (Browser browser = Browser.open()) {
            WebClient observer = new WebClient(base);
            long unloaded = ended(observer, "UNLOADED");
            browser.get(base, "app/counter");
            String first = browser.driver().getWindowHandle();
            clickTimes(browser, 1);
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.get(base, "app/counter");
            clickTimes(browser, 2); // the page now has state
            String closed = pageId(browser);
            browser.driver().close();
            browser.driver().switchTo().window(first);
            Poll.until("the closed tab's page ended", Duration.ofSeconds(15),
                    () -> ended(observer, "UNLOADED") == unloaded + 1);
            clickTimes(browser, 1); // the open tab's page kept its state: 1 → 2
            assertEquals("<span id=\"count\">1</span>", incrementIn(browser, closed).trim(),
                    "the closed tab's page is gone: an action under its id starts from empty state");
        }
    }

    // SPEC 6.6: a page hidden into the back-forward cache (pagehide with persisted) ends nothing; a real hide does
    @Test
    void pageKeptInTheBackForwardCacheDoesNotEnd() {
        try (Browser browser = Browser.open()) {
            WebClient observer = new WebClient(base);
            long unloaded = ended(observer, "UNLOADED");
            browser.get(base, "app/counter");
            clickTimes(browser, 2);
            String hide = "window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: arguments[0] }))";
            browser.script(hide, true); // what Chromium fires when the page goes into its back-forward cache
            Poll.pause(Duration.ofSeconds(2));
            assertEquals(unloaded, ended(observer, "UNLOADED"), "no beacon for a persisted hide");
            clickTimes(browser, 1); // 2 → 3: the page and its state live on

            browser.script(hide, false); // the same page really going away: the beacon ends it
            Poll.until("the hidden page ended", Duration.ofSeconds(15),
                    () -> ended(observer, "UNLOADED") == unloaded + 1);
        }
    }

    // SPEC 7.7, 3.5: the script adds the page id and CSRF token to same-origin requests only
    @Test
    void pageIdAndTokenGoToTheSameOriginOnly() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/counter");
            String headersFor = """
                    const detail = { path: arguments[0], headers: {} };
                    document.dispatchEvent(new CustomEvent('htmx:configRequest', { detail: detail }));
                    return JSON.stringify(detail.headers);
                    """;
            String same = (String) browser.script(headersFor, base.getPath() + "app/counter/increment");
            assertTrue(same.contains("\"X-Nex-Page-Id\":\"" + pageId(browser) + "\""), same);
            assertTrue(same.contains("\"X-CSRF-TOKEN\""), same);
            assertEquals("{}", browser.script(headersFor, "https://elsewhere.example/steal"));
            assertEquals("{}", browser.script(headersFor, "//elsewhere.example/steal"));
        }
    }

    // SPEC 7.7: works under a strict Content-Security-Policy (no inline script allowed)
    @Test
    void pageWorksUnderAStrictContentSecurityPolicy() {
        assertEquals(CounterController.STRICT_CSP, new WebClient(base).get("app/counter/csp").headers()
                .firstValue("Content-Security-Policy").orElse(null), "the page is really under the policy");
        try (Browser browser = Browser.open()) {
            browser.get(base, "app/counter/csp");
            clickTimes(browser, 2);
        }
    }

    private static void clickTimes(Browser browser, int times) {
        int start = Integer.parseInt(browser.find(By.id("count")).getText());
        for (int i = 1; i <= times; i++) {
            browser.find(By.id("increment")).click();
            browser.waitForText(By.id("count"), String.valueOf(start + i));
        }
    }

    private static String pageId(Browser browser) {
        return (String) browser.script("return window.nex.pageId()");
    }

    /** An htmx-style increment sent from the browser's current tab, under page id {@code pageId}; the fragment. */
    private String incrementIn(Browser browser, String pageId) {
        return (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const tag = document.querySelector('script[data-nex-page]');
                const headers = { 'HX-Request': 'true' };
                headers[tag.dataset.nexPageHeader] = arguments[1];
                headers[tag.dataset.nexCsrfHeader] = tag.dataset.nexCsrf;
                fetch(arguments[0], { method: 'POST', headers: headers })
                    .then(response => response.text()).then(done, error => done('failed: ' + error));
                """, base.getPath() + "app/counter/increment", pageId);
    }

    private static void increment(WebClient tab, String id, String csrf, String expected) {
        HttpResponse<String> action = tab.post("app/counter/increment", Map.of(), "HX-Request", "true",
                PAGE_HEADER, id, "X-CSRF-TOKEN", csrf);
        assertEquals("<span id=\"count\">" + expected + "</span>", action.body().trim());
    }

    private static long ended(WebClient client, String reason) {
        String stats = client.get("app/" + StatisticsResource.PATH).body();
        Matcher matcher = Pattern.compile("ended\\." + reason + "=(\\d+)").matcher(stats);
        assertTrue(matcher.find(), stats);
        return Long.parseLong(matcher.group(1));
    }

    private static HttpResponse<String> addItem(WebClient tab, HttpResponse<String> page, String item) {
        return addItem(tab, page, csrf(page), item);
    }

    /** An htmx POST adding {@code item} to the cart of {@code page} with {@code csrf}, plus header pairs. */
    private static HttpResponse<String> addItem(WebClient tab, HttpResponse<String> page, String csrf, String item,
                                                String... headers) {
        String[] all = Arrays.copyOf(new String[] {"HX-Request", "true", PAGE_HEADER, pageId(page), "X-CSRF-TOKEN",
                csrf}, 6 + headers.length);
        System.arraycopy(headers, 0, all, 6, headers.length);
        return tab.post("app/cart/add_item", Map.of("item", item), all);
    }

    private static String pageId(HttpResponse<String> page) {
        return page.headers().firstValue(PAGE_HEADER).orElseThrow();
    }

    private static List<String> cookieNames(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split("=", 2)[0].trim())
                .toList();
    }

    private static String csrf(HttpResponse<String> page) {
        return PageScriptTag.of(page).csrfToken();
    }

    private static List<String> scriptTags(String html) {
        return SCRIPT_TAG.matcher(html).results().map(m -> m.group()).toList();
    }
}
