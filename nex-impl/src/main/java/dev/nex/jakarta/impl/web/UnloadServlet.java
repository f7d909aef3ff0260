package dev.nex.jakarta.impl.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.MalformedPageIdException;
import dev.nex.jakarta.impl.page.PageIdCodec;
import dev.nex.jakarta.impl.page.PageOwners;
import dev.nex.jakarta.impl.page.PlainRejection;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * SPEC 6.6: the page script's beacon when its tab goes away ends that page at once. Answers 204 whether or not
 * there was such a page (it tells nobody which ids exist); only pages of the caller's own session end.
 */
public class UnloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PageStateBackend states;

    @Inject
    transient PageIdCodec ids;

    @Inject
    transient NexSettings settings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.unloadBeacon()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String owner = PageOwners.of(request);
        try {
            String pageId = ids.check(request.getParameter("page")).value();
            if (owner != null) {
                states.endOwned(pageId, owner, PageEndReason.UNLOADED);
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (MalformedPageIdException e) {
            PlainRejection.send(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed page id.");
        }
    }
}
