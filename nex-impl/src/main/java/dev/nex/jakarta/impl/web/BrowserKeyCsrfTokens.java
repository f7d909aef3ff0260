package dev.nex.jakarta.impl.web;

import java.util.Optional;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.mvc.MvcContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.krazo.security.CsrfToken;
import org.eclipse.krazo.security.CsrfTokenStrategy;

import dev.nex.jakarta.impl.page.BrowserKey;
import dev.nex.jakarta.impl.page.PageOwners;

/**
 * Jakarta MVC's CSRF token kept by the browser instead of the HTTP session (Krazo's token strategy SPI), so a
 * full page opens no session (SPEC 2): a double-submit token derived from the {@link BrowserKey} cookie. A request
 * passes Krazo's check when the token it sends (header or form field) is its browser key's, and that key is the
 * one its session (if it has one) was first used with.
 */
final class BrowserKeyCsrfTokens implements CsrfTokenStrategy {

    /** The form field of the token, as Jakarta MVC names it by default. */
    private static final String PARAM_NAME = "_csrf";

    /** Looked up on first use: features run before the application's own properties are visible. */
    private volatile String headerName;

    @Override
    public Optional<CsrfToken> getToken(HttpServletRequest request, HttpServletResponse response, boolean create) {
        Optional<BrowserKey> key = create ? Optional.of(BrowserKey.ensure(request, response))
                : BrowserKey.of(request).filter(sent -> PageOwners.admits(request, sent));
        return key.map(browser -> new CsrfToken(headerName(), PARAM_NAME, browser.csrfToken()));
    }

    private String headerName() {
        String name = headerName;
        if (name == null) {
            name = CsrfDefaults.headerName(CDI.current().select(MvcContext.class).get().getConfig());
            headerName = name;
        }
        return name;
    }
}
