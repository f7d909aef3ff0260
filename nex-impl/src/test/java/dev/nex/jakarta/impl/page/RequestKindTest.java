package dev.nex.jakarta.impl.page;

import static dev.nex.jakarta.impl.page.RequestKind.ACTION;
import static dev.nex.jakarta.impl.page.RequestKind.EVENT_STREAM;
import static dev.nex.jakarta.impl.page.RequestKind.FULL_PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SPEC 2: the classification table, row by row. */
class RequestKindTest {

    @Test
    void historyRestoreIsAlwaysAFullPage() {
        assertEquals(FULL_PAGE, RequestKind.classify("GET", true, false, true, false));
    }

    @Test
    void getOrHeadWithoutHtmxIsAFullPage() {
        assertEquals(FULL_PAGE, RequestKind.classify("GET", false, false, false, false));
        assertEquals(FULL_PAGE, RequestKind.classify("HEAD", false, false, false, false));
    }

    @Test
    void boostedGetIsAFullPage() {
        assertEquals(FULL_PAGE, RequestKind.classify("GET", true, true, false, false));
    }

    @Test
    void otherHtmxRequestsAreActions() {
        assertEquals(ACTION, RequestKind.classify("GET", true, false, false, false));
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(ACTION, RequestKind.classify(method, true, false, false, false));
            assertEquals(ACTION, RequestKind.classify(method, true, true, false, false), "boosted forms post actions");
        }
    }

    // SPEC 12.1: a request for the event stream endpoint names its page by the ticket in its URL, never as a full
    // page (which would mint a page for it) or by a page header
    @Test
    void requestsForTheEventStreamEndpointAreStreamRequests() {
        assertEquals(EVENT_STREAM, RequestKind.classify("GET", false, false, false, true));
        assertEquals(EVENT_STREAM, RequestKind.classify("GET", true, true, true, true));
        assertEquals(EVENT_STREAM, RequestKind.classify("POST", true, false, false, true));
    }

    @Test
    void plainNonGetIsAnAction() {
        assertEquals(ACTION, RequestKind.classify("POST", false, false, false, false));
    }
}
