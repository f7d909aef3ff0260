package dev.nex.jakarta.bench.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The lowest floor of the counter action (floor-bench.war): a bare servlet that increments the session's counter
 * and writes the fragment itself. Nothing an htmx action can do with less.
 */
@WebServlet("/floor/counter")
public class FloorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(FloorResource.fragment(counter.increment()));
    }
}
