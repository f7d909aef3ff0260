package dev.nex.jakarta.tck.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Adds the implementation under test to every TCK deployment: the jars that the build copied into the
 * directories named by the system property {@code nex.tck.deployment-libs} (comma separated). For this
 * project that is nex-impl, nex-api, Jakarta MVC and Krazo, plus the Krazo module of the server in use
 * (krazo-resteasy on WildFly, krazo-jersey on Payara). TCK tests therefore never name an implementation.
 */
public class NexDeploymentProcessor implements ApplicationArchiveProcessor {

    static final String LIBS_PROPERTY = "nex.tck.deployment-libs";

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (archive instanceof WebArchive war) {
            libraries().forEach(jar -> war.addAsLibrary(jar.toFile()));
        }
    }

    private static List<Path> libraries() {
        String dirs = System.getProperty(LIBS_PROPERTY);
        if (dirs == null || dirs.isBlank()) {
            throw new IllegalStateException("System property " + LIBS_PROPERTY
                    + " is not set: it must name the directories holding the implementation's jars");
        }
        return Arrays.stream(dirs.split(",")).map(String::trim).map(Path::of)
                .flatMap(NexDeploymentProcessor::jarsIn).toList();
    }

    private static Stream<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("No jar in " + dir + " (from " + LIBS_PROPERTY + ")");
            }
            return jars.stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + " (from " + LIBS_PROPERTY + ")", e);
        }
    }
}
