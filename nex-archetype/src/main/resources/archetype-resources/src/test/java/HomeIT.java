package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;
import java.util.List;

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

import dev.nex.jakarta.tck.support.Browser;

/**
 * The application as a visitor uses it: the packaged WAR on a real server, real Chromium, real htmx. The browser
 * helper comes from Nex's TCK (headless Chromium: {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}).
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
