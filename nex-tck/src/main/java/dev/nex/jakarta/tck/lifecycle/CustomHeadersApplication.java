package dev.nex.jakarta.tck.lifecycle;

import java.util.Map;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The lifecycle application with its own CSRF header name. */
@ApplicationPath("app")
public class CustomHeadersApplication extends Application {

    static final String CSRF_HEADER = "X-Token";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(Csrf.CSRF_HEADER_NAME, CSRF_HEADER);
    }
}
