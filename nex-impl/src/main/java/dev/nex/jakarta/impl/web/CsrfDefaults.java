package dev.nex.jakarta.impl.web;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.krazo.Properties;

/**
 * Jakarta MVC's CSRF protection as Nex needs it, unless the application's {@code Application} configured its own:
 * <ul>
 * <li>SPEC 7.6: every non-GET controller action is checked, without {@code @CsrfProtected} on each method
 * ({@code IMPLICIT});</li>
 * <li>SPEC 2: the token lives in the browser ({@link BrowserKeyCsrfTokens}), not in an HTTP session that every
 * cookie-less full page would otherwise open.</li>
 * </ul>
 */
@Provider
public class CsrfDefaults implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        Configuration configured = context.getConfiguration();
        if (configured.getProperty(Csrf.CSRF_PROTECTION) == null) {
            context.property(Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT);
        }
        if (configured.getProperty(Properties.CSRF_TOKEN_STRATEGY) == null) {
            context.property(Properties.CSRF_TOKEN_STRATEGY, new BrowserKeyCsrfTokens());
        }
        return true;
    }

    /** The header the token travels in: Jakarta MVC's, unless the application named another. */
    static String headerName(Configuration configuration) {
        Object configured = configuration.getProperty(Csrf.CSRF_HEADER_NAME);
        return configured == null ? Csrf.DEFAULT_CSRF_HEADER_NAME : configured.toString();
    }
}
