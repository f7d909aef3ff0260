package dev.nex.jakarta.testing;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a full page's Nex script tag tells the page script, read as the script reads it: the page id, the headers
 * that carry it and the CSRF token, the token, and where the unload beacon goes. For tests that load a page
 * themselves:
 * <pre>{@code
 * HttpResponse<String> page = http.get("app/cart", "Accept-Language", "de");
 * PageScriptTag tag = PageScriptTag.of(page);
 * http.post("app/cart/add_item", form, "HX-Request", "true", tag.pageHeader(), tag.pageId(),
 *         tag.csrfHeader(), tag.csrfToken());
 * }</pre>
 */
public record PageScriptTag(String pageId, String pageHeader, String csrfHeader, String csrfToken,
        String unloadPath) {

    /**
     * The tag of the full page {@code page}.
     *
     * @throws AssertionError if it has none
     */
    public static PageScriptTag of(HttpResponse<String> page) {
        return of(Jsoup.parse(page.body(), page.uri().toString()));
    }

    static PageScriptTag of(Document page) {
        Element tag = page.select("script[data-nex-page]").last(); // the script reads the last one too
        if (tag == null) {
            throw new AssertionError("No Nex page script in the page at " + page.location() + ":\n" + page.html());
        }
        return new PageScriptTag(tag.attr("data-nex-page"), tag.attr("data-nex-page-header"),
                tag.attr("data-nex-csrf-header"), tag.attr("data-nex-csrf"), tag.attr("data-nex-unload"));
    }

    /** This tag with another page id. */
    PageScriptTag withPageId(String id) {
        return new PageScriptTag(id, pageHeader, csrfHeader, csrfToken, unloadPath);
    }
}
