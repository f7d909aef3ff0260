package dev.nex.jakarta.impl.eviction;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.page.PageOwners;
import dev.nex.jakarta.impl.state.PageStates;

/** SPEC 6.5: when a session is invalidated or times out, all its pages end. */
public class SessionEndListener implements HttpSessionListener {

    @Inject
    PageStates states;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String owner = PageOwners.of(event.getSession());
        if (owner != null) {
            states.endOwner(owner, PageEndReason.SESSION_ENDED);
        }
    }
}
