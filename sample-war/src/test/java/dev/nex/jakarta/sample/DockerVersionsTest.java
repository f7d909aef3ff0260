package dev.nex.jakarta.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker/ cannot be built here, so this keeps it honest: its images must run the server versions the tests run
 * (root pom: wildfly.version, payara.version).
 */
class DockerVersionsTest {

    private static String dockerfile(String server) throws IOException {
        return Files.readString(Path.of(System.getProperty("docker.dir"), server, "Dockerfile"));
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in:\n" + text);
        return matcher.group(1);
    }

    @Test
    void wildflyImageRunsTheTestedVersion() throws IOException {
        assertEquals(System.getProperty("wildfly.version"),
                first(Pattern.compile("(?m)^ARG WILDFLY_VERSION=(\\S+)$"), dockerfile("wildfly")));
    }

    @Test
    void payaraImageRunsTheTestedVersion() throws IOException {
        assertEquals(System.getProperty("payara.version"),
                first(Pattern.compile("(?m)^ARG PAYARA_VERSION=(\\S+)$"), dockerfile("payara")));
        assertTrue(dockerfile("payara").contains("FROM payara/micro:${PAYARA_VERSION}-jdk17"), "the official image");
    }
}
