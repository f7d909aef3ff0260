package dev.nex.jakarta.sample;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves WebJar files ({@code /webjars/htmx.org/2.0.8/dist/htmx.min.js}) from {@code WEB-INF/lib}. Needed because
 * the sample's JAX-RS application answers {@code /*} (its pages live at the context root), which the container's
 * static file handling would otherwise lose to. The paths carry versions: cache them for good.
 */
@WebServlet("/webjars/*")
public class WebJarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String resource = "/webjars" + path;
        try (InputStream in = getServletContext().getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String type = getServletContext().getMimeType(resource);
            response.setContentType(type == null ? "application/octet-stream" : type);
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            in.transferTo(response.getOutputStream());
        }
    }
}
