package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves {@code nex.js} at {@value PageScript#PATH} (SPEC 7.7), cacheable and revalidated by ETag. An exact
 * servlet mapping, so it is reachable even when the application maps JAX-RS to {@code /*}.
 */
public class ScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] SCRIPT = load();
    private static final String ETAG = "\"" + sha256(SCRIPT) + "\"";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", ETAG);
        response.setHeader("Cache-Control", "public, max-age=3600");
        if (ETAG.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(SCRIPT.length);
        response.getOutputStream().write(SCRIPT);
    }

    private static byte[] load() {
        try (InputStream in = ScriptServlet.class.getResourceAsStream("nex.js")) {
            if (in == null) {
                throw new IllegalStateException("nex.js is missing from nex-impl");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }
}
