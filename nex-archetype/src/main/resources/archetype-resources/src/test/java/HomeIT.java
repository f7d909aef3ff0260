package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;
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
import org.openqa.selenium.WebElement;

import dev.nex.jakarta.testing.Browser;
import dev.nex.jakarta.testing.NexClient;
import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.NexResponse;

/**
 * The application on a real server, through Nex's testing kit: the page and its actions as htmx sends them (no
 * browser needed), and as a visitor uses them in real Chromium with real htmx (headless:
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}).
 */
@ExtendWith(ArquillianExtension.class)
class HomeIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.create(ZipImporter.class, "${artifactId}.war")
                .importFrom(new File("target/${artifactId}.war")).as(WebArchive.class);
    }

    @Test
    void actionsAnswerFragmentsOutOfBandPartsAndDirectives() {
        NexPage home = NexClient.at(base).open("");
        assertEquals("1", home.post("increment", Map.of()).assertStatus(200).fragment().select("#count").text());

        NexResponse added = home.post("notes", Map.of("note", "milk")).assertStatus(200);
        assertEquals(List.of("milk"), added.fragment().select("#notes li").eachText());
        assertEquals("", added.outOfBand("error").text(), "the message is cleared out of band");
        assertEquals("notes-changed", added.directive("HX-Trigger").orElseThrow());
        assertEquals("1", home.get("notes/count").assertStatus(200).body().strip());

        NexResponse refused = home.post("notes", Map.of("note", " "));
        assertEquals(422, refused.status());
        assertEquals("#error", refused.directive("HX-Retarget").orElseThrow());
        assertEquals("Write a note of 1 to 200 characters.", refused.fragment().text());

        home.end(); // as closing the tab does: its next action finds the page expired, and starts it over
        assertEquals("1", home.post("increment", Map.of()).assertStatus(200).fragment().select("#count").text());
    }

    @Test
    void theCounterBelongsToThePageAndStartsAgainOnReload() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "");
            browser.find(By.id("increment")).click();
            browser.waitForText(By.id("count"), "1");
            browser.find(By.id("increment")).click();
            browser.waitForText(By.id("count"), "2");

            browser.driver().navigate().refresh();
            browser.waitForText(By.id("count"), "0");
        }
    }

    @Test
    void notesAreKeptByThePageAndADirectiveUpdatesTheirCount() {
        try (Browser browser = Browser.open()) {
            browser.get(base, "");
            addNote(browser, "milk");
            addNote(browser, "<b>bread</b>");
            browser.waitForText(By.id("note-count"), "2");
            assertEquals(List.of("milk", "<b>bread</b>"), notes(browser), "escaped, in order");

            browser.find(By.id("add")).click(); // an empty note: 422, its message shown, the notes unchanged
            browser.waitForText(By.id("error"), "Write a note of 1 to 200 characters.");
            assertEquals(2, notes(browser).size());
        }
    }

    private static void addNote(Browser browser, String note) {
        int before = notes(browser).size();
        browser.find(By.id("note")).sendKeys(note);
        browser.find(By.id("add")).click();
        browser.find(By.cssSelector("#notes li:nth-child(" + (before + 1) + ")"));
    }

    private static List<String> notes(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#notes li")).stream().map(WebElement::getText).toList();
    }
}
