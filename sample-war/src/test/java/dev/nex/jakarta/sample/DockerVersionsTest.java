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
 * (root pom: wildfly.version, payara.version, glassfish.version, liberty.version).
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

    @Test
    void glassfishImageRunsTheTestedVersion() throws IOException {
        assertEquals(System.getProperty("glassfish.version"),
                first(Pattern.compile("(?m)^ARG GLASSFISH_VERSION=(\\S+)$"), dockerfile("glassfish")));
        assertTrue(dockerfile("glassfish").contains("FROM ghcr.io/eclipse-ee4j/glassfish:${GLASSFISH_VERSION}"),
                "the official image");
    }

    @Test
    void libertyImageRunsTheTestedVersionWithTheSamplesServerConfiguration() throws IOException {
        String dockerfile = dockerfile("liberty");
        assertEquals(System.getProperty("liberty.version"),
                first(Pattern.compile("(?m)^ARG LIBERTY_VERSION=(\\S+)$"), dockerfile));
        assertTrue(dockerfile.contains("FROM icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-full-java17"),
                "the official image");
        assertTrue(dockerfile.contains("sample-war/src/main/liberty/config/server.xml"), "the server.xml the sample runs");
    }
}
