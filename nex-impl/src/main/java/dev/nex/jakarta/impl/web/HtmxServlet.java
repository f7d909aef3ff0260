package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

import dev.nex.jakarta.CurrentPage;

/**
 * Serves htmx from its WebJar ({@code org.webjars.npm:htmx.org} in {@code WEB-INF/lib}) at
 * {@value CurrentPage#HTMX_PATH}, so a layout needs neither the WebJar's versioned path nor a servlet of its own.
 * Installed only when the WebJar is there.
 */
public class HtmxServlet extends CachedScriptServlet {

    private static final long serialVersionUID = 1L;
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    HtmxServlet(byte[] htmx) {
        super(htmx);
    }

    /** htmx from the application's WebJar, if it has one. */
    public static Optional<HtmxServlet> of(ClassLoader application) {
        try (InputStream pom = application.getResourceAsStream(POM_PROPERTIES)) {
            if (pom == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(pom);
            String script = "META-INF/resources/webjars/htmx.org/" + properties.getProperty("version")
                    + "/dist/htmx.min.js";
            try (InputStream in = application.getResourceAsStream(script)) {
                if (in == null) {
                    throw new IllegalStateException(script + " is missing from the htmx WebJar");
                }
                return Optional.of(new HtmxServlet(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
