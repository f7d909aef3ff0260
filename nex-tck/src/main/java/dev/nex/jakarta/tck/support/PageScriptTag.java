package dev.nex.jakarta.tck.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a full page's script tag carries, as a client would find it:
 * <pre>{@code
 * String token = PageScriptTag.csrfToken(page.body());
 * tab.post("app/cart/add_item", form, "HX-Request", "true", "X-CSRF-TOKEN", token, ...);
 * }</pre>
 */
public final class PageScriptTag {

    private static final Pattern CSRF = Pattern.compile("data-nex-csrf=\"([^\"]+)\"");

    private PageScriptTag() {
    }

    /** The CSRF token of the page's script tag; fails the test if the page has none. */
    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No page script tag with a CSRF token in:\n" + html);
        }
        return matcher.group(1);
    }
}
