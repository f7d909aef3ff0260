package dev.nex.jakarta.impl.web;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.mvc.locale.LocaleResolver;
import jakarta.mvc.locale.LocaleResolverContext;

/**
 * Jakarta MVC's default locale rule (the first language the request accepts, else the default locale), except that
 * an {@code Accept-Language} that cannot be parsed counts as absent. With Jersey the parse fails with an
 * exception, which would make any page or action answer 500 for a client's garbage. It takes the place of
 * Krazo's resolver (a priority just above it) rather than checking the header before it, so the header is parsed
 * once per request; resolvers the application declares still come first.
 */
@ApplicationScoped
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class TolerantLocaleResolver implements LocaleResolver {

    private static final Logger LOG = Logger.getLogger(TolerantLocaleResolver.class.getName());

    @Override
    public Locale resolveLocale(LocaleResolverContext context) {
        List<Locale> accepted;
        try {
            accepted = context.getAcceptableLanguages();
        } catch (RuntimeException unparsable) {
            LOG.log(Level.FINE, "Unparsable Accept-Language; using the default locale", unparsable);
            accepted = List.of();
        }
        return accepted.stream().filter(language -> !"*".equals(language.getLanguage())).findFirst()
                .orElseGet(Locale::getDefault);
    }
}
