package dev.nex.jakarta.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** {@code ${assets.htmx}}: the path of htmx from its WebJar, whatever version the build put in WEB-INF/lib. */
@Named
@ApplicationScoped
public class Assets {

    private final String htmx = "/webjars/htmx.org/" + webJarVersion("org.webjars.npm", "htmx.org")
            + "/dist/htmx.min.js";

    public String getHtmx() {
        return htmx;
    }

    private static String webJarVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(group + ":" + artifact + " is missing from WEB-INF/lib");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
