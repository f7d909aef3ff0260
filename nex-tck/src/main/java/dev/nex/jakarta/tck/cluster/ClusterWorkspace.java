package dev.nex.jakarta.tck.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** A fresh directory for one test cluster, and the deployment written into it. */
final class ClusterWorkspace {

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

    /**
     * {@code war} with {@code elements} in its web.xml (one is created if it has none), unless an element is there
     * already: what an operator adds to make a WAR cluster-ready on a server (docs/deployment.md, Clusters).
     */
    static WebArchive withWebXml(WebArchive war, String... elements) {
        ArchivePath path = ArchivePaths.create("WEB-INF/web.xml");
        Node existing = war.get(path);
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                </web-app>
                """;
        if (existing != null) {
            try (var in = existing.getAsset().openStream()) {
                webXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            war.delete(path);
        }
        for (String element : elements) {
            if (!webXml.contains(element)) {
                webXml = webXml.replace("</web-app>", "    " + element + "\n</web-app>");
            }
        }
        return war.addAsWebInfResource(new StringAsset(webXml), "web.xml");
    }

    static String contextOf(WebArchive war) {
        return war.getName().replaceFirst("\\.war$", "");
    }

    static void delete(Path dir) throws IOException {
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
