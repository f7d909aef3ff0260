package dev.nex.jakarta.impl.state.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.ServletContext;

/**
 * The version of the deployed application as the grid sees it: a digest of its classes and libraries
 * ({@code WEB-INF/classes}, {@code WEB-INF/lib}). Nodes of one build agree on it without configuration; a record
 * written under another digest is checked once before use (SPEC 10.8).
 */
final class ApplicationVersion {

    private static final String[] ROOTS = {"/WEB-INF/classes/", "/WEB-INF/lib/"};

    private ApplicationVersion() {
    }

    static String of(ServletContext application) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[8192];
        for (String path : files(application)) {
            digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream content = application.getResourceAsStream(path)) {
                if (content != null) {
                    for (int read; (read = content.read(buffer)) > 0;) {
                        digest.update(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path + " of the application", e);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** Every file under the roots, sorted: the same order on every node. */
    private static Set<String> files(ServletContext application) {
        Set<String> files = new TreeSet<>();
        List<String> folders = new ArrayList<>(List.of(ROOTS));
        while (!folders.isEmpty()) {
            Set<String> children = application.getResourcePaths(folders.remove(folders.size() - 1));
            if (children != null) {
                for (String child : children) {
                    (child.endsWith("/") ? folders : files).add(child);
                }
            }
        }
        return files;
    }
}
