package dev.nex.jakarta.impl.page;

/** SPEC 2: what a request is to Nex. The first matching row of the SPEC's table wins. */
public enum RequestKind {
    /** Renders a whole document and starts a new page with a new id. */
    FULL_PAGE,
    /** Continues the page named by the page-id header (if it names none, no page is bound). */
    ACTION;

    /**
     * @param method         the HTTP method
     * @param htmx           {@code HX-Request: true}
     * @param boosted        {@code HX-Boosted: true}
     * @param historyRestore {@code HX-History-Restore-Request: true}
     */
    public static RequestKind classify(String method, boolean htmx, boolean boosted, boolean historyRestore) {
        if (historyRestore) {
            return FULL_PAGE;
        }
        boolean get = "GET".equals(method);
        if ((get || "HEAD".equals(method)) && !htmx) {
            return FULL_PAGE;
        }
        if (get && boosted) {
            return FULL_PAGE;
        }
        return ACTION;
    }
}
