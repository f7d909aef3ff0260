package dev.nex.jakarta.impl.page;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Which HTTP session owns a page (SPEC 3.2). Pages record an owner key kept as a session attribute rather than
 * the session id, which changes on login ({@code changeSessionId}) while the pages stay the session's. The key
 * comes from the {@link BrowserKey}: parallel first writes of one browser each create a session (none is in
 * its cookie jar yet), and these sessions then own the page together; a request of that browser without a
 * session uses the same key, so it reads the page without creating one.
 */
public final class PageOwners {

    /** Session attribute holding the session's owner key. */
    public static final String ATTRIBUTE = "dev.nex.jakarta.page-owner";

    private static final Object[] CLAIM_LOCKS = new Object[64];

    static {
        for (int i = 0; i < CLAIM_LOCKS.length; i++) {
            CLAIM_LOCKS[i] = new Object();
        }
    }

    private PageOwners() {
    }

    /** The owner key of the request's session, else of its browser, or {@code null}. Creates nothing. */
    public static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String owner = session == null ? null : of(session);
        return owner != null ? owner : BrowserKey.of(request).map(BrowserKey::ownerKey).orElse(null);
    }

    /**
     * The owner key of the request's browser, without touching its HTTP session, or {@code null}: for a request
     * that lasts as long as its page (its event stream, SPEC 12.1), which must not hold the session. A distributable
     * session is locked for a request's whole duration on WildFly: other nodes' requests of the session would wait.
     */
    public static String ofBrowser(HttpServletRequest request) {
        return BrowserKey.of(request).map(BrowserKey::ownerKey).orElse(null);
    }

    public static String of(HttpSession session) {
        return (String) session.getAttribute(ATTRIBUTE);
    }

    /** The owner key of the request's session, creating the session and key on the first write of a page. */
    public static String ensure(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String owner = of(session);
        // a client that keeps no cookies has no browser key: its session is its own owner
        return owner != null ? owner : claim(session, BrowserKey.of(request).map(BrowserKey::ownerKey)
                .orElseGet(() -> UUID.randomUUID().toString()));
    }

    /**
     * Whether a request of the browser with {@code key} may act in its session (the CSRF check): a session is
     * bound to the browser key it was first used with, so a key planted in the browser later does not pass.
     */
    public static boolean admits(HttpServletRequest request, BrowserKey key) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        String owner = of(session);
        return (owner != null ? owner : claim(session, key.ownerKey())).equals(key.ownerKey());
    }

    /** Makes {@code owner} the session's owner key unless a parallel request did so first; the key that holds. */
    private static String claim(HttpSession session, String owner) {
        // once per session; session facades differ per request, so they are no lock of their own: a lock striped
        // by session id serializes a session's claims without making every new session of the JVM wait in line
        synchronized (CLAIM_LOCKS[Math.floorMod(session.getId().hashCode(), CLAIM_LOCKS.length)]) {
            String held = of(session);
            if (held != null) {
                return held;
            }
            session.setAttribute(ATTRIBUTE, owner);
            return owner;
        }
    }
}
