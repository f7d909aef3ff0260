package dev.nex.jakarta.tck.harness;

import java.util.Map;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS application of the harness deployment: every non-GET request is CSRF-checked by Jakarta MVC. */
@ApplicationPath("app")
public class HarnessApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT);
    }
}
