package dev.nex.jakarta.bench.app;

import java.util.Map;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Controllers under {@code /app}. CSRF is checked implicitly in both WARs: Nex does that by default, and the
 * plain baseline must do the same work to be a fair one.
 */
@ApplicationPath("app")
public class BenchApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT);
    }
}
