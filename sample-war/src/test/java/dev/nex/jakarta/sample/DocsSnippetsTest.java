package dev.nex.jakarta.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The docs show code that compiles and runs: every {@code java} and {@code jsp} block of docs/*.md is an excerpt
 * of the sample's sources or of its tests (whitespace aside; a line holding only {@code …} skips over code).
 */
class DocsSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile("```(java|jsp)\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of(System.getProperty("docker.dir")).getParent();

    @Test
    void everyCodeSampleOfTheDocsIsAnExcerptOfTheSample() throws IOException {
        String sources = normalize(read(ROOT.resolve("sample-war/src/main")) + "\n"
                + read(ROOT.resolve("sample-war/src/test")));
        List<String> checked = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher block = BLOCK.matcher(Files.readString(doc));
                while (block.find()) {
                    for (String excerpt : block.group(2).split("(?m)^\\s*…\\s*$")) {
                        String code = normalize(excerpt);
                        if (!code.isEmpty()) {
                            assertTrue(sources.contains(code), doc.getFileName() + " shows code the sample does not "
                                    + "have:\n" + excerpt);
                            checked.add(doc.getFileName().toString());
                        }
                    }
                }
            }
        }
        assertFalse(checked.isEmpty(), "no code samples found in docs/");
        assertTrue(checked.contains("getting-started.md"), "the tutorial has code samples");
    }

    private static String read(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(Files::isRegularFile).map(DocsSnippetsTest::text).collect(Collectors.joining("\n"));
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}
