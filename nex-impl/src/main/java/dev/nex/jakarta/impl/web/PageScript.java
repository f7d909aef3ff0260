package dev.nex.jakarta.impl.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.MvcContext;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.krazo.security.CsrfTokenManager;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.ServletCalls;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * The page script tag of the current full page (SPEC 7.7): an external, cacheable {@value #PATH} configured
 * through data attributes (page id, CSRF header and token, unload endpoint, statuses htmx swaps), so no inline
 * script is needed under a CSP. A nonce
 * is honoured: the request attribute {@value #NONCE_ATTRIBUTE} if the application set one, else a
 * {@code 'nonce-…'} of the response's {@code Content-Security-Policy} header.
 */
@ApplicationScoped
public class PageScript {

    /** Where the script is served from, relative to the context root (by {@link ScriptServlet}). */
    public static final String PATH = "/nex/nex.js";
    /** Where the unload beacon goes (SPEC 6.6). */
    public static final String UNLOAD_PATH = "/nex/unload";
    /** Request attribute set once the tag was written by a template: then nothing is injected. */
    static final String PLACED = PageScript.class.getName() + ".placed";
    /** Request attribute an application may set to the CSP nonce of the current response. */
    public static final String NONCE_ATTRIBUTE = "dev.nex.jakarta.csp-nonce";
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    @Inject
    HttpServletRequest injectedRequest;

    @Inject
    MvcContext mvc;

    /** Jakarta MVC's {@code mvc.csrf} token, without building its request-scoped {@code Csrf} bean per page. */
    @Inject
    CsrfTokenManager csrfTokens;

    @Inject
    NexSettings settings;

    /**
     * The tag, marked as placed: a second call (or the injection) then writes nothing.
     *
     * @param contentSecurityPolicy the response's CSP header, or {@code null}
     */
    public String place(String contentSecurityPolicy) {
        if (isPlaced()) {
            return "";
        }
        request().setAttribute(PLACED, Boolean.TRUE);
        return tag(contentSecurityPolicy);
    }

    boolean isPlaced() {
        return request().getAttribute(PLACED) != null;
    }

    /** The tag for injection, or nothing if a template placed it already. */
    byte[] forInjection(String contentSecurityPolicy) {
        return place(contentSecurityPolicy).getBytes(StandardCharsets.UTF_8);
    }

    private String tag(String contentSecurityPolicy) {
        String context = request().getContextPath();
        StringBuilder tag = new StringBuilder(320).append("<script src=\"").append(context).append(PATH).append('"')
                .append(attribute("data-nex-page", PageBindingHolder.require().pageId()))
                .append(attribute("data-nex-page-header", settings.pageHeader()))
                .append(attribute("data-nex-csrf-header", CsrfDefaults.headerName(mvc.getConfig())))
                .append(attribute("data-nex-csrf", csrfTokens.getOrCreateToken().getValue()));
        if (settings.unloadBeacon()) {
            tag.append(attribute("data-nex-unload", context + UNLOAD_PATH));
        }
        if (!settings.swapStatuses().isEmpty()) {
            tag.append(attribute("data-nex-swap-statuses", settings.swapStatuses().stream().map(String::valueOf)
                    .collect(Collectors.joining(","))));
        }
        String nonce = nonce(contentSecurityPolicy);
        if (nonce != null) {
            tag.append(attribute("nonce", nonce));
        }
        return tag.append("></script>").toString();
    }

    private String nonce(String contentSecurityPolicy) {
        Object set = request().getAttribute(NONCE_ATTRIBUTE);
        if (set != null) {
            return set.toString();
        }
        if (contentSecurityPolicy == null) {
            return null;
        }
        Matcher matcher = NONCE.matcher(contentSecurityPolicy);
        return matcher.find() ? matcher.group(1) : null;
    }

    private HttpServletRequest request() {
        return ServletCalls.requestOr(injectedRequest);
    }

    private static String attribute(String name, String value) {
        return " " + name + "=\"" + Html.escape(value) + "\"";
    }
}
