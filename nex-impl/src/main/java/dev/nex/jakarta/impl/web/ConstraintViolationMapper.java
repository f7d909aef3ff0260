package dev.nex.jakarta.impl.web;

import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * SPEC 11.1: input that violates a constraint is refused with 400, the body naming each field and its message
 * (escaped): the htmx error fragment for an htmx request, a small page otherwise. A violation of a return value
 * is the server's fault, as JAX-RS says: 500, logged.
 * <pre>{@code
 * <div class="nex-error" role="alert" data-status="400"><p>Please correct the form.</p>
 *   <ul><li data-field="email">email: must be a well-formed email address</li></ul></div>
 * }</pre>
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final String INTRO = "Please correct the form.";

    @Inject
    HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<ConstraintViolation<?>> violations = exception.getConstraintViolations() == null ? List.of()
                : exception.getConstraintViolations().stream().sorted(Comparator
                        .comparing((ConstraintViolation<?> v) -> InputViolations.fieldOf(v))
                        .thenComparing(ConstraintViolation::getMessage)).toList();
        if (violations.isEmpty() || violations.stream().anyMatch(InputViolations::isOfReturnValue)) {
            return ErrorResponses.unexpected(exception);
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (ConstraintViolation<?> violation : violations) {
            String field = InputViolations.fieldOf(violation);
            list.append("<li data-field=\"").append(Html.escape(field)).append("\">").append(Html.escape(field))
                    .append(": ").append(Html.escape(violation.getMessage())).append("</li>");
        }
        list.append("</ul>");
        String body = "true".equals(request.getHeader("HX-Request"))
                ? "<div class=\"nex-error\" role=\"alert\" data-status=\"400\"><p>" + INTRO + "</p>" + list + "</div>"
                : "<!DOCTYPE html><html><head><title>400</title></head><body><h1>400</h1><p>" + INTRO + "</p>" + list
                        + "</body></html>";
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorResponses.markup(body)).build();
    }
}
