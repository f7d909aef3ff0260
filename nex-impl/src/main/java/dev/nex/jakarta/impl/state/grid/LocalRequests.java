package dev.nex.jakarta.impl.state.grid;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.nex.jakarta.PageEndReason;

/**
 * This node's requests in flight per page, and an end that waits for the last of them (SPEC 6.8). Requests on
 * other nodes are not counted: counting them would cost two grid writes per request.
 */
final class LocalRequests {

    private final Map<String, InFlight> pages = new ConcurrentHashMap<>();

    void enter(String pageId) {
        pages.compute(pageId, (id, requests) -> requests == null ? new InFlight(1, null) : requests.plusOne());
    }

    /** Counts a request out; returns the end reason that waited for the page's last request here, if any. */
    PageEndReason exit(String pageId) {
        PageEndReason[] waiting = {null};
        pages.computeIfPresent(pageId, (id, requests) -> {
            if (requests.count() > 1) {
                return new InFlight(requests.count() - 1, requests.pendingEnd());
            }
            waiting[0] = requests.pendingEnd();
            return null;
        });
        return waiting[0];
    }

    /** {@code true} if the page has requests in flight here: {@code reason} then waits for the last to exit. */
    boolean deferEnd(String pageId, PageEndReason reason) {
        boolean[] deferred = {false};
        pages.computeIfPresent(pageId, (id, requests) -> {
            deferred[0] = true;
            return requests.endWhenDone(reason);
        });
        return deferred[0];
    }

    /** {@code true} if the page has exactly one request in flight here. */
    boolean alone(String pageId) {
        InFlight requests = pages.get(pageId);
        return requests != null && requests.count() == 1;
    }

    boolean inUse(String pageId) {
        return pages.containsKey(pageId);
    }

    /** A page's requests in flight, and the first end requested meanwhile. */
    private record InFlight(int count, PageEndReason pendingEnd) {
        InFlight plusOne() {
            return new InFlight(count + 1, pendingEnd);
        }

        InFlight endWhenDone(PageEndReason reason) {
            return pendingEnd == null ? new InFlight(count, reason) : this;
        }
    }
}
