package dev.nex.jakarta.bench.app.plain;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The floor of the counter action: a bare servlet that increments the session's counter and writes the fragment
 * itself. No JAX-RS, no MVC, no view, no CSRF check; nothing an htmx action can do with less.
 */
@WebServlet("/floor/counter")
public class CounterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionCounter counter;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(CounterResource.fragment(counter.increment()));
    }
}
