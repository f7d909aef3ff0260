package dev.nex.jakarta.impl.page;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Which HTTP session owns a page (SPEC 3.2). Pages record a random owner key kept as a session attribute rather
 * than the session id, which changes on login ({@code changeSessionId}) while the pages stay the session's.
 */
public final class PageOwners {

    /** Session attribute holding the session's owner key. */
    public static final String ATTRIBUTE = "dev.nex.jakarta.page-owner";

    private PageOwners() {
    }

    /** The owner key of the request's session, or {@code null} if it has none (yet). Creates nothing. */
    public static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : of(session);
    }

    public static String of(HttpSession session) {
        return (String) session.getAttribute(ATTRIBUTE);
    }

    /** The owner key of the request's session, creating the session and key on the first write of a page. */
    public static String ensure(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String owner = of(session);
        if (owner != null) {
            return owner;
        }
        // once per session; session facades differ per request, so they are no lock of their own
        synchronized (PageOwners.class) {
            owner = of(session);
            if (owner == null) {
                owner = UUID.randomUUID().toString();
                session.setAttribute(ATTRIBUTE, owner);
            }
            return owner;
        }
    }
}
