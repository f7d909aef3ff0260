package dev.nex.jakarta.tck.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A second view engine for the layout tests, unlike JSP in every way that matters: it writes to the context's
 * output stream instead of forwarding to a servlet. Views end in {@code .mini}; {@code {{name}}} is a model.
 */
@ApplicationScoped
@Priority(ViewEngine.PRIORITY_APPLICATION)
public class MiniViewEngine implements ViewEngine {

    private static final Pattern MODEL = Pattern.compile("\\{\\{(\\w+)}}");

    @Override
    public boolean supports(String view) {
        return view.endsWith(".mini");
    }

    @Override
    public void processView(ViewEngineContext context) throws ViewEngineException {
        HttpServletRequest request = context.getRequest(HttpServletRequest.class);
        try (InputStream in = request.getServletContext().getResourceAsStream("/WEB-INF/views/" + context.getView())) {
            if (in == null) {
                throw new ViewEngineException("No view " + context.getView());
            }
            Matcher models = MODEL.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String rendered = models.replaceAll(m -> Matcher.quoteReplacement(
                    String.valueOf(context.getModels().get(m.group(1)))));
            context.getOutputStream().write(rendered.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
