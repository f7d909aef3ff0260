package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves {@code nex.js} at {@value PageScript#PATH} (SPEC 7.7). */
public class ScriptServlet extends CachedScriptServlet {

    private static final long serialVersionUID = 1L;

    public ScriptServlet() {
        super(load());
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
}
