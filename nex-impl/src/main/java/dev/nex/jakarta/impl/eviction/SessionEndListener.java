package dev.nex.jakarta.impl.eviction;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.page.PageOwners;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * SPEC 6.5: when a session is invalidated or times out, all its pages end. A session its browser never used
 * again is skipped: parallel first writes each open one ({@link PageOwners}), the browser keeps one, and the
 * others timing out must not end the pages the kept one still uses (they still end by TTL and caps).
 */
public class SessionEndListener implements HttpSessionListener {

    @Inject
    PageStateBackend states;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String owner = PageOwners.of(event.getSession());
        if (owner != null && !neverUsedAgain(event.getSession())) {
            states.endOwner(owner, PageEndReason.SESSION_ENDED);
        }
    }

    private static boolean neverUsedAgain(HttpSession session) {
        try {
            return session.isNew();
        } catch (IllegalStateException alreadyInvalid) {
            return false; // a container that calls us after invalidating: end the pages
        }
    }
}
