package dev.nex.jakarta.tck.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;

import dev.nex.jakarta.tck.support.PageScriptTag;
import dev.nex.jakarta.tck.support.WebClient;

/**
 * A page opened in a tab of its own: the tab's client (its cookie jar), the page id and the CSRF token its page
 * script would send with each htmx action.
 */
record OpenedPage(WebClient tab, String id, String csrf) {

    static OpenedPage open(URL base, String path) {
        WebClient tab = new WebClient(base);
        HttpResponse<String> page = tab.get(path);
        assertEquals(200, page.statusCode(), page.body());
        return new OpenedPage(tab, page.headers().firstValue("X-Nex-Page-Id").orElseThrow(),
                PageScriptTag.csrfToken(page.body()));
    }
}
