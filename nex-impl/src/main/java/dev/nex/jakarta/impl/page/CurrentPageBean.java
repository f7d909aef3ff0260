package dev.nex.jakarta.impl.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/** {@link CurrentPage}, also {@code ${nexPage}} in EL. */
@ApplicationScoped
@Named(CurrentPage.EL_NAME)
public class CurrentPageBean implements CurrentPage {

    @Inject
    StreamTickets tickets;

    @Inject
    HttpServletRequest injectedRequest;

    @Override
    public String getId() {
        return PageBindingHolder.require().pageId();
    }

    @Override
    public boolean isNew() {
        return PageBindingHolder.require().isNew();
    }

    @Override
    public String getStreamUrl() {
        String pageId = getId();
        String contextPath;
        try {
            contextPath = ServletCalls.requestOr(injectedRequest).getContextPath();
        } catch (ContextNotActiveException e) {
            throw new IllegalStateException("A page's stream URL is known only within a request", e);
        }
        return contextPath + StreamTickets.STREAM_PATH + "?" + StreamTickets.PARAMETER + "=" + tickets.issue(pageId);
    }
}
