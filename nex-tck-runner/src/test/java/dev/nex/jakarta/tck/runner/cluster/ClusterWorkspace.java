package dev.nex.jakarta.tck.runner.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.tck.runner.NexDeploymentProcessor;

/** A fresh directory for one test cluster, and the deployment the runner adds nex-impl to, as Arquillian would. */
final class ClusterWorkspace {

    static final String READY_PATH = "app/state/log?page=ready";

    private final Path root;

    ClusterWorkspace(String server) throws IOException {
        root = Path.of("target", "cluster-" + server).toAbsolutePath();
        delete(root);
        Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    Path node(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /** {@code war} with the implementation under test, written to the workspace. */
    Path export(WebArchive war) {
        new NexDeploymentProcessor().process(war, null);
        Path file = root.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    static String contextOf(WebArchive war) {
        return war.getName().replaceFirst("\\.war$", "");
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
