package dev.nex.jakarta.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The figures of one stage of a run, as {@code bench/target/results/<stage>.properties}: each stage writes its
 * own file, {@link ReportWriter} reads them all. Values are plain numbers so the report can compute ratios.
 */
public final class Results {

    private final Path file;
    private final Properties figures = new Properties();

    private Results(Path file) {
        this.file = file;
    }

    /** A stage's figures, to be filled and {@link #save}d; the directory is {@code bench.results}. */
    public static Results of(String stage) {
        return new Results(directory().resolve(stage + ".properties"));
    }

    static Path directory() {
        return Path.of(System.getProperty("bench.results", "bench/target/results"));
    }

    static Results load(String stage) {
        Results results = of(stage);
        if (Files.exists(results.file)) {
            try (Reader in = Files.newBufferedReader(results.file)) {
                results.figures.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    public Results put(String key, double value) {
        figures.setProperty(key, String.format(Locale.ROOT, "%.6f", value));
        System.out.printf(Locale.ROOT, "  %-52s %,.2f%n", key, value);
        return this;
    }

    public Results put(String key, String value) {
        figures.setProperty(key, value);
        System.out.printf(Locale.ROOT, "  %-52s %s%n", key, value);
        return this;
    }

    /** The figure, or NaN if the stage did not produce it (the report then shows a gap, not a number). */
    double number(String key) {
        String value = figures.getProperty(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    String text(String key) {
        return figures.getProperty(key, "");
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                figures.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
