package dev.nex.jakarta.impl.page;

/** SPEC 2: what a request is to Nex. The first matching row of the SPEC's table wins. */
public enum RequestKind {
    /** Renders a whole document and starts a new page with a new id. */
    FULL_PAGE,
    /** Continues the page named by the page-id header (if it names none, no page is bound). */
    ACTION,
    /**
     * A request for the event stream of the page its stream ticket names (SPEC 12.1): a browser's
     * {@code EventSource}, which sends no headers of its own, so the ticket is in the URL. Without a ticket no page
     * is bound. Comes before every row of SPEC 2: the endpoint is Nex's own.
     */
    EVENT_STREAM;

    /**
     * @param method         the HTTP method
     * @param htmx           {@code HX-Request: true}
     * @param boosted        {@code HX-Boosted: true}
     * @param historyRestore {@code HX-History-Restore-Request: true}
     * @param eventStream    the request is for Nex's event stream endpoint
     */
    public static RequestKind classify(String method, boolean htmx, boolean boosted, boolean historyRestore,
            boolean eventStream) {
        if (eventStream) {
            return EVENT_STREAM; // never a page of its own, whatever it claims to be
        }
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
