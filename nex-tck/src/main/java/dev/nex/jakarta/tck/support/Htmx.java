package dev.nex.jakarta.tck.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Properties;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * htmx from its WebJar ({@code org.webjars.npm:htmx.org}), for test deployments that run in a browser.
 * <pre>{@code
 * WebArchive war = Htmx.addTo(ShrinkWrap.create(WebArchive.class));
 * // the page references:  <script src="${contextPath}/" + Htmx.scriptPath()>
 * }</pre>
 * The WebJar goes into {@code WEB-INF/lib}; servers serve its {@code META-INF/resources} as static content.
 */
public final class Htmx {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";
    private static final String SSE_POM_PROPERTIES = "META-INF/maven/org.webjars.npm/htmx-ext-sse/pom.properties";

    private Htmx() {
    }

    /** Adds the htmx WebJar to {@code war}. */
    public static WebArchive addTo(WebArchive war) {
        return war.addAsLibrary(webJar(POM_PROPERTIES));
    }

    /** Adds the WebJars of htmx and its SSE extension to {@code war}: Nex serves both (SPEC 12.1). */
    public static WebArchive withSseExtensionAddTo(WebArchive war) {
        return addTo(war).addAsLibrary(webJar(SSE_POM_PROPERTIES));
    }

    /** The htmx version on the classpath, e.g. {@code 2.0.8}. */
    public static String version() {
        try (InputStream in = pomProperties(POM_PROPERTIES).openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path of the minified script relative to the context root, without a leading slash. */
    public static String scriptPath() {
        return "webjars/htmx.org/" + version() + "/dist/htmx.min.js";
    }

    private static File webJar(String pomProperties) {
        try {
            JarURLConnection connection = (JarURLConnection) pomProperties(pomProperties).openConnection();
            return new File(connection.getJarFileURL().toURI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassCastException e) {
            throw new IllegalStateException("The WebJar must be a jar on the classpath: " + pomProperties, e);
        }
    }

    private static URL pomProperties(String path) {
        URL url = Htmx.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException(path + " is not on the classpath");
        }
        return url;
    }
}
