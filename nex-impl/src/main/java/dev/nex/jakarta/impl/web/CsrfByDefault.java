package dev.nex.jakarta.impl.web;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * SPEC 7.6: every non-GET controller action is CSRF-checked by Jakarta MVC, without {@code @CsrfProtected} on each
 * method: CSRF protection defaults to {@code IMPLICIT} unless the application configured it.
 */
@Provider
public class CsrfByDefault implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().getProperty(Csrf.CSRF_PROTECTION) == null) {
            context.property(Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT);
        }
        return true;
    }
}
