package dev.nex.jakarta.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import dev.nex.jakarta.testing.Browser;
import dev.nex.jakarta.testing.NexClient;
import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.NexResponse;
import dev.nex.jakarta.testing.PageEvents;
import dev.nex.jakarta.testing.Poll;
import dev.nex.jakarta.testing.WebClient;

/** The sample as a visitor uses it: the packaged WAR of each server, real Chromium, real htmx. */
@ExtendWith(ArquillianExtension.class)
class SampleIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive sample() {
        return ShrinkWrap.create(ZipImporter.class, "nex-sample.war")
                .importFrom(new File(System.getProperty("sample.war"))).as(WebArchive.class);
    }

    @Test
    void landingPageIsInTheLayoutWithBoostedLinksToEveryPage() {
        HttpResponse<String> home = new WebClient(base).get("");
        assertEquals(200, home.statusCode(), home.body());
        String body = home.body();
        assertTrue(body.contains("<nav hx-boost=\"true\">"), body);
        for (String page : List.of("cart", "counter", "wizard")) {
            assertTrue(body.contains("href=\"" + base.getPath() + page + "\""), page + " in " + body);
        }
        assertTrue(body.contains("/nex/nex.js"), "the page script");
    }

    /** The cart through the testing kit's page client, without a browser: docs/testing.md shows this test. */
    @Test
    void cartActionsAnswerTheListAndTheBadgeOutOfBand() {
        NexClient client = NexClient.at(base);            // one browser session: an empty cookie jar
        NexPage cart = client.open("cart");               // a full page: a new page id, 200 asserted

        NexResponse added = cart.post("cart/add_item", Map.of("item", "tea")).assertStatus(200);
        assertEquals("tea", added.fragment().selectFirst("#cart-items li").ownText());
        assertEquals("1", added.outOfBand("cart-badge").text());

        NexResponse refused = cart.post("cart/add_item", Map.of("item", " "));
        assertEquals(400, refused.status());
        assertEquals("#cart-error", refused.directive("HX-Retarget").orElseThrow());

        NexPage other = client.open("cart");              // a second tab of the same session: a page of its own
        assertEquals("1", other.post("cart/add_item", Map.of("item", "milk")).outOfBand("cart-badge").text());
    }

    @Test
    void seedExerciseCartIsEmptyAfterARefresh() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "cart");
            add(browser, "apple", "bread", "cheese");
            assertEquals(List.of("apple", "bread", "cheese"), items(browser));
            browser.driver().navigate().refresh();
            browser.find(By.id("cart-items"));
            assertEquals(List.of(), items(browser));
        }
    }

    @Test
    void oneResponseUpdatesTheListAndTheBadgeInTheLayoutsHeader() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "cart");
            assertEquals("0", browser.find(By.id("cart-badge")).getText());
            add(browser, "apple", "bread");
            browser.waitForText(By.id("cart-badge"), "2");
            browser.driver().findElements(By.cssSelector("#cart-items .remove")).get(0).click();
            waitForItems(browser, List.of("bread"));
            browser.waitForText(By.id("cart-badge"), "1");
        }
    }

    @Test
    void removeTakesOutOneItemAndClearStartsAFreshPage() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "cart");
            add(browser, "apple", "bread");
            browser.driver().findElements(By.cssSelector("#cart-items .remove")).get(0).click();
            waitForItems(browser, List.of("bread"));
            String page = pageId(browser);
            browser.find(By.id("clear")).click();
            browser.waitForText(By.id("cart-items"), "");
            assertNotEquals(page, pageId(browser), "the refresh directive reloaded the page");
        }
    }

    @Test
    void markupInAnItemIsShownAsTextNeverRun() {
        String script = "<script>document.title='owned'</script>";
        String image = "<img src=x onerror=\"document.title='owned'\">";
        try (Browser browser = Browser.open()) {
            browser.get(base, "cart");
            add(browser, script);
            add(browser, image);
            assertEquals(List.of(script, image), items(browser), "as typed, as text");
            assertTrue(browser.driver().findElements(By.cssSelector("#cart-items img, #cart-items script")).isEmpty(),
                    "no element from an item");
            assertEquals("", browser.script("return document.title === 'owned' ? 'owned' : ''"), "nothing ran");
        }
        NexPage cart = NexClient.at(base).open("cart");
        String added = cart.post("cart/add_item", Map.of("item", script)).body();
        assertTrue(added.contains("&lt;script&gt;"), added);
        assertFalse(added.contains(script), added);
    }

    @Test
    void badItemsGetA400MessageAndChangeNothing() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "cart");
            add(browser, "milk");
            assertEquals("", browser.find(By.id("item")).getAttribute("value"), "the input was reset");
            browser.find(By.id("add")).click(); // empty
            browser.waitForText(By.id("cart-error"), "Enter an item of 1 to 200 characters.");
            assertEquals(List.of("milk"), items(browser));
            add(browser, "tea");
            browser.waitForText(By.id("cart-error"), "");
        }
        NexPage cart = NexClient.at(base).open("cart");
        assertEquals(400, cart.post("cart/add_item", Map.of("item", "x".repeat(201))).status());
        assertEquals(400, cart.post("cart/add_item", Map.of("item", "   ")).status());
        assertEquals(400, cart.post("cart/remove_item", Map.of("index", "first")).status());
        assertEquals(400, cart.post("cart/remove_item", Map.of("index", "0")).status(), "empty cart");
        NexResponse longest = cart.post("cart/add_item", Map.of("item", "y".repeat(200))).assertStatus(200);
        assertEquals(1, longest.body().split("<li>").length - 1, "only the valid item was added");
    }

    @Test
    void twoTabsHaveTwoCarts() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "cart");
            String first = browser.driver().getWindowHandle();
            add(browser, "apple");
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.get(base, "cart");
            assertEquals(List.of(), items(browser));
            add(browser, "bread");
            browser.driver().switchTo().window(first);
            add(browser, "cheese");
            assertEquals(List.of("apple", "cheese"), items(browser));
        }
    }

    // SPEC 12: the import reports its progress to the page that started it, over the page's event stream
    @Test
    void importReportsItsProgressToThePageThatStartedIt() {
        NexPage page = NexClient.at(base).open("import");
        try (PageEvents events = page.events()) {
            page.post("import/start", Map.of()).assertStatus(200);
            List<PageEvents.Frame> progress = events.nextEvents(10, Duration.ofSeconds(20));
            assertEquals("progress", progress.get(0).event());
            assertEquals("<p id=\"imported\">Imported.</p>", events.nextEvent(Duration.ofSeconds(20)).data());
        }
    }

    // SPEC 12: in Chromium, the progress bar fills in the tab that started the import, and in no other tab
    @Test
    void importFillsTheProgressBarOfItsOwnTab() {
        try (Browser browser = Browser.open()) {
            importFillsTheProgressBarOfItsOwnTab(browser, base);
        }
    }

    static void importFillsTheProgressBarOfItsOwnTab(Browser browser, URL base) {
        browser.get(base, "import");
        String working = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.get(base, "import");
        String idle = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(working);
        browser.find(By.id("start")).click();
        browser.waitForText(By.id("outcome"), "Imported.");
        assertEquals("100", browser.find(By.cssSelector("#progress progress")).getAttribute("value"));
        browser.driver().switchTo().window(idle);
        assertEquals("Not started", browser.find(By.id("progress")).getText());
        assertEquals("", browser.find(By.id("outcome")).getText());
    }

    @Test
    void counterCountsPerPage() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "counter");
            for (int i = 1; i <= 3; i++) {
                browser.find(By.id("increment")).click();
                browser.waitForText(By.id("count"), String.valueOf(i));
            }
            browser.find(By.id("decrement")).click();
            browser.waitForText(By.id("count"), "2");
            browser.driver().navigate().refresh();
            browser.waitForText(By.id("count"), "0");
        }
    }

    @Test
    void wizardKeepsWhatWasTypedAcrossStepsUntilARefresh() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "wizard");
            browser.find(By.id("name")).sendKeys("Ada");
            browser.find(By.id("next")).click();
            browser.waitForText(By.id("step"), "2");
            browser.find(By.id("email")).sendKeys("ada@example.org");
            browser.find(By.id("back")).click();
            browser.waitForText(By.id("step"), "1");
            assertEquals("Ada", browser.find(By.id("name")).getAttribute("value"));
            browser.find(By.id("next")).click();
            browser.waitForText(By.id("step"), "2");
            assertEquals("ada@example.org", browser.find(By.id("email")).getAttribute("value"));
            browser.find(By.id("next")).click();
            browser.waitForText(By.id("step"), "3");
            browser.waitForText(By.id("summary-name"), "Ada");
            browser.waitForText(By.id("summary-email"), "ada@example.org");

            browser.driver().navigate().refresh();
            browser.waitForText(By.id("step"), "1");
            assertEquals("", browser.find(By.id("name")).getAttribute("value"));
        }
    }

    @Test
    void wizardDoesNotAdvanceUntilTheStepIsValidAndShowsWhyNextToTheField() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "wizard");
            browser.find(By.id("next")).click(); // no name
            browser.waitForText(By.id("name-error"), "Please tell us your name");
            assertEquals("1", browser.find(By.id("step")).getText(), "the step does not advance");
            browser.find(By.id("name")).sendKeys("Ada");
            browser.find(By.id("next")).click();
            browser.waitForText(By.id("step"), "2");

            browser.find(By.id("email")).sendKeys("ada-at-example");
            browser.find(By.id("next")).click();
            browser.waitForText(By.id("email-error"), "This is not an email address");
            assertEquals("2", browser.find(By.id("step")).getText());
            assertEquals("ada-at-example", browser.find(By.id("email")).getAttribute("value"), "what was typed");

            browser.find(By.id("email")).clear();
            browser.find(By.id("email")).sendKeys("ada@example.org");
            browser.find(By.id("next")).click();
            browser.waitForText(By.id("step"), "3");
            browser.waitForText(By.id("summary-email"), "ada@example.org");
        }
    }

    @Test
    void boostedNavigationReachesEveryPageAndItsActionsWork() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "");
            String home = pageId(browser);
            browser.find(By.id("nav-cart")).click();
            browser.waitForText(By.id("title"), "Cart");
            assertNotEquals(home, pageId(browser));
            add(browser, "apple");
            browser.find(By.id("nav-counter")).click();
            browser.waitForText(By.id("title"), "Counter");
            browser.find(By.id("increment")).click();
            browser.waitForText(By.id("count"), "1");
            browser.find(By.id("nav-wizard")).click();
            browser.waitForText(By.id("title"), "Wizard");
            assertTrue(browser.currentUrl().endsWith("/wizard"), browser.currentUrl());
            assertTrue(browser.driver().findElements(By.id("nav-cart")).isEmpty(), "the wizard's own layout");
            browser.find(By.id("leave")).click();
            browser.waitForText(By.id("title"), "Nex for Jakarta EE");
        }
    }

    // SPEC 7.1, 7.2, 7.5: a layout works with any view engine, in both directions; actions answer Thymeleaf
    // fragments, the page script, CSRF and directives work the same
    @Test
    void thymeleafPageInTheJspLayoutAndJspPageInAThymeleafLayoutBothWork() {
        for (String path : List.of("tasks", "tasks/plain")) {
            try (Browser browser = Browser.open()) {
                browser.get(base, path);
                boolean thymeleafPage = path.equals("tasks");
                assertEquals(thymeleafPage ? "Rendered by Thymeleaf, in the JSP layout."
                        : "Rendered as a JSP, in a Thymeleaf layout.", browser.find(By.id("engine")).getText());
                assertEquals(thymeleafPage, !browser.driver().findElements(By.id("nav-tasks")).isEmpty(),
                        "the JSP layout's navigation only around the Thymeleaf page");
                assertEquals(!thymeleafPage, !browser.driver().findElements(By.id("layout")).isEmpty(),
                        "the Thymeleaf layout only around the JSP page");
                String page = pageId(browser);
                for (String task : List.of("write <b>docs</b>", "ship")) {
                    browser.find(By.id("task")).sendKeys(task);
                    browser.find(By.id("add-task")).click();
                    browser.find(By.xpath("//ul[@id='task-list']/li[.='" + task + "']"));
                }
                browser.waitForText(By.id("task-count"), "2"); // HX-Trigger: tasks-changed, then a GET action
                assertEquals(List.of("write <b>docs</b>", "ship"), browser.driver()
                        .findElements(By.cssSelector("#task-list li")).stream().map(WebElement::getText).toList(),
                        path + ": escaped, in order, on one page");
                assertEquals(page, pageId(browser), path);
                browser.driver().navigate().refresh();
                browser.waitForText(By.id("task-count"), "0");
            }
        }
    }

    // SPEC 11.4: a small file goes up with its task and stays in page state; a file too large or of another type
    // gets its message and adds nothing; a refresh starts afresh
    @Test
    void aTaskCarriesASmallFileUploadedWithIt() throws IOException {
        Path files = Files.createTempDirectory("nex-sample-files");
        Path notes = Files.writeString(files.resolve("notes.txt"), "read me first");
        Path big = Files.write(files.resolve("big.txt"), new byte[65 * 1024]);
        Path binary = Files.write(files.resolve("data.bin"), new byte[] {1, 2, 3});
        try (Browser browser = Browser.open()) {
            browser.get(base, "tasks");
            addTask(browser, "read the notes", notes);
            browser.waitForText(By.cssSelector("#task-list li small"), "notes.txt, 13 bytes");
            addTask(browser, "too much", big);
            browser.waitForText(By.id("task-error"), "That file is too large.");
            addTask(browser, "a binary", binary);
            browser.waitForText(By.id("task-error"), "Attach a text file, an image or a PDF.");
            addTask(browser, "no file", null);
            browser.waitForText(By.id("task-count"), "2");
            assertEquals("", browser.find(By.id("task-error")).getText());
            assertEquals(List.of("read the notes notes.txt, 13 bytes", "no file"), browser.driver()
                    .findElements(By.cssSelector("#task-list li")).stream().map(WebElement::getText).toList());
            browser.driver().navigate().refresh();
            browser.waitForText(By.id("task-count"), "0");
        }
    }

    private static void addTask(Browser browser, String task, Path file) {
        browser.find(By.id("task")).clear();
        browser.find(By.id("task")).sendKeys(task);
        if (file == null) {
            browser.find(By.id("task-file")).clear(); // a failed add keeps what was chosen
        } else {
            browser.find(By.id("task-file")).sendKeys(file.toAbsolutePath().toString());
        }
        browser.find(By.id("add-task")).click();
    }

    static void add(Browser browser, String... names) {
        for (String name : names) {
            int before = items(browser).size();
            WebElement input = browser.find(By.id("item"));
            input.clear();
            input.sendKeys(name);
            browser.find(By.id("add")).click();
            browser.waitForText(By.cssSelector("#cart-items li:nth-child(" + (before + 1) + ")"), name + " ×");
        }
    }

    static List<String> items(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#cart-items li")).stream()
                .map(li -> li.getText().replace("×", "").strip()).toList();
    }

    static void waitForItems(Browser browser, List<String> expected) {
        Poll.until("cart items " + expected, Duration.ofSeconds(15), () -> {
            try {
                return items(browser).equals(expected);
            } catch (StaleElementReferenceException swappedWhileReading) {
                return false;
            }
        });
    }

    static String pageId(Browser browser) {
        return (String) browser.script("return window.nex.pageId()");
    }
}
