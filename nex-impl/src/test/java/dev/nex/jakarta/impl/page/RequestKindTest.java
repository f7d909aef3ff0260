package dev.nex.jakarta.impl.page;

import static dev.nex.jakarta.impl.page.RequestKind.ACTION;
import static dev.nex.jakarta.impl.page.RequestKind.FULL_PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SPEC 2: the classification table, row by row. */
class RequestKindTest {

    @Test
    void historyRestoreIsAlwaysAFullPage() {
        assertEquals(FULL_PAGE, RequestKind.classify("GET", true, false, true));
    }

    @Test
    void getOrHeadWithoutHtmxIsAFullPage() {
        assertEquals(FULL_PAGE, RequestKind.classify("GET", false, false, false));
        assertEquals(FULL_PAGE, RequestKind.classify("HEAD", false, false, false));
    }

    @Test
    void boostedGetIsAFullPage() {
        assertEquals(FULL_PAGE, RequestKind.classify("GET", true, true, false));
    }

    @Test
    void otherHtmxRequestsAreActions() {
        assertEquals(ACTION, RequestKind.classify("GET", true, false, false));
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(ACTION, RequestKind.classify(method, true, false, false));
            assertEquals(ACTION, RequestKind.classify(method, true, true, false), "boosted forms post actions");
        }
    }

    @Test
    void plainNonGetIsAnAction() {
        assertEquals(ACTION, RequestKind.classify("POST", false, false, false));
    }
}
