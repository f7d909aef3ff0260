package dev.nex.jakarta.tck.lifecycle;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers with an error whose page (in {@link LifecycleDeployment}'s {@code web.xml}) is a Jakarta MVC view: the
 * container renders it in an error dispatch, within the request's filter call (Open Liberty) or after it (WildFly,
 * Payara, GlassFish), and either way it must be a full page.
 */
@WebServlet("/teapot")
public class TeapotServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int STATUS = 418;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(STATUS);
    }
}
