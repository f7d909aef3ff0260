package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

import dev.nex.jakarta.CurrentPage;

/**
 * Serves a script of an npm WebJar in {@code WEB-INF/lib} at a fixed path, so a layout needs neither the WebJar's
 * versioned path nor a servlet of its own: htmx ({@code org.webjars.npm:htmx.org}) at
 * {@value CurrentPage#HTMX_PATH}, its SSE extension ({@code org.webjars.npm:htmx-ext-sse}) at
 * {@value CurrentPage#SSE_EXTENSION_PATH}. Installed only where the application has the WebJar.
 */
public class WebJarScriptServlet extends CachedScriptServlet {

    private static final long serialVersionUID = 1L;

    WebJarScriptServlet(byte[] script) {
        super(script);
    }

    /** htmx from the application's WebJar, if it has one. */
    public static Optional<WebJarScriptServlet> htmx(ClassLoader application) {
        return of(application, "htmx.org", "dist/htmx.min.js");
    }

    /** htmx's SSE extension from the application's WebJar, if it has one. */
    public static Optional<WebJarScriptServlet> sseExtension(ClassLoader application) {
        return of(application, "htmx-ext-sse", "sse.js");
    }

    private static Optional<WebJarScriptServlet> of(ClassLoader application, String artifact, String file) {
        try (InputStream pom = application.getResourceAsStream("META-INF/maven/org.webjars.npm/" + artifact
                + "/pom.properties")) {
            if (pom == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(pom);
            String script = "META-INF/resources/webjars/" + artifact + "/" + properties.getProperty("version") + "/"
                    + file;
            try (InputStream in = application.getResourceAsStream(script)) {
                if (in == null) {
                    throw new IllegalStateException(script + " is missing from the " + artifact + " WebJar");
                }
                return Optional.of(new WebJarScriptServlet(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
