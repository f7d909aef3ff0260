package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves one script held in memory at an exact servlet mapping, so it is reachable even when the application maps
 * JAX-RS to {@code /*}: cacheable for an hour, then revalidated by its ETag (a {@code 304} costs no body).
 */
abstract class CachedScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] script;
    private final String etag;

    CachedScriptServlet(byte[] script) {
        this.script = script;
        this.etag = "\"" + sha256(script) + "\"";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=3600");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(script.length);
        response.getOutputStream().write(script);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }
}
