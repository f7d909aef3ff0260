package dev.nex.jakarta.impl.web;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.mvc.locale.LocaleResolver;
import jakarta.mvc.locale.LocaleResolverContext;

/**
 * A request whose {@code Accept-Language} cannot be parsed is rendered in the default locale, as one without the
 * header is. Jakarta MVC resolves a locale before every controller; with Jersey the header parse fails with an
 * exception that would make any page or action answer 500 for a client's garbage. Ahead of Krazo's own resolver,
 * and behind any the application declares: for a header that parses, it defers to the next resolver.
 */
@ApplicationScoped
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class TolerantLocaleResolver implements LocaleResolver {

    private static final Logger LOG = Logger.getLogger(TolerantLocaleResolver.class.getName());

    @Override
    public Locale resolveLocale(LocaleResolverContext context) {
        try {
            context.getAcceptableLanguages();
            return null;
        } catch (RuntimeException unparsable) {
            LOG.log(Level.FINE, "Unparsable Accept-Language; using the default locale", unparsable);
            return Locale.getDefault();
        }
    }
}
