package dev.nex.jakarta.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, for tests that need real htmx in a real browser.
 * <pre>{@code
 * try (Browser browser = Browser.open()) {
 *     browser.get(base, "app/cart");
 *     browser.find(By.id("add")).click();
 *     browser.waitForText(By.id("count"), "1");
 * }
 * }</pre>
 * The binaries default to Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; the system
 * properties {@value #CHROMIUM_PROPERTY} and {@value #CHROMEDRIVER_PROPERTY} point elsewhere. A missing binary
 * fails the test with the command that installs it: a browser test never skips silently.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM_PROPERTY = "nex.testing.chromium";
    public static final String CHROMEDRIVER_PROPERTY = "nex.testing.chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless Chromium with an empty profile (no cookies, no cache). */
    public static Browser open() {
        File chromium = requireExecutable(CHROMIUM_PROPERTY, "/usr/bin/chromium");
        File chromedriver = requireExecutable(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("nex-testing-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // Root in a sandbox-less container, no network beyond loopback: these flags keep Chromium quiet and alive.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    private static File requireExecutable(String property, String defaultPath) {
        File file = new File(System.getProperty(property, defaultPath));
        if (!file.canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and its driver, but " + file
                    + " is missing. Install them with: sudo apt-get install -y chromium chromium-driver"
                    + " (or point -D" + property + "= at your binary)");
        }
        return file;
    }

    /** Loads {@code path} relative to the deployment's base URL. */
    public void get(URL base, String path) {
        driver.get(base.toString() + path);
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the element's text is exactly {@code expected}; fails with what it saw otherwise. */
    public void waitForText(By by, String expected) {
        try {
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBe(by, expected));
        } catch (RuntimeException e) {
            String page = driver.getPageSource();
            throw new AssertionError("Expected text '" + expected + "' in " + by + " at " + driver.getCurrentUrl()
                    + "; the page is now:\n" + (page.length() > 4000 ? page.substring(0, 4000) + "…" : page), e);
        }
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
