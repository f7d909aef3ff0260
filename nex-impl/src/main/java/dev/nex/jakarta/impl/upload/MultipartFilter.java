package dev.nex.jakarta.impl.upload;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.impl.config.NexSettings;

/**
 * SPEC 11.4: every {@code multipart/form-data} request to a resource goes through a {@link MultipartScanner}, before
 * anything reads its body, and its parts are checked again where the runtime reads them through the servlet API
 * ({@link CheckedPartsRequest}). Refused at once, without reading: a boundary that RFC 2046 does not allow (400), a
 * {@code Content-Length} over {@code nex.upload.max-request-size} (413), a method with a {@code @FormParam} that
 * no part can fill (415, see {@link PartRules}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100) // before any filter that might read the body
public class MultipartFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(MultipartFilter.class.getName());
    /** RFC 2046, 5.1.1: 1 to 70 characters of a restricted set, not ending with a space. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");
    private static final Pattern BOUNDARY_PARAMETER = Pattern.compile(";\\s*boundary\\s*=\\s*(\"[^\"]*\"|[^;\\s]*)",
            Pattern.CASE_INSENSITIVE);

    /** RESTEasy's request property for the charset of a part that declares none. */
    private static final String RESTEASY_DEFAULT_CHARSET = "resteasy.provider.multipart.inputpart.defaultCharset";

    private final Map<Method, PartRules> rules = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Inject
    HttpServletRequest servletRequest;

    @Inject
    NexSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        Method method = resource.getResourceMethod();
        if (type == null || method == null
                || !type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return;
        }
        Optional<String> boundary = boundaryOf(type);
        if (boundary.isEmpty()) {
            refuse(request, Response.Status.BAD_REQUEST, "no valid boundary in " + type);
            return;
        }
        if (request.getLength() > settings.uploadMaxRequestSize()) {
            refuse(request, Response.Status.REQUEST_ENTITY_TOO_LARGE, "a body of " + request.getLength() + " bytes");
            return;
        }
        PartRules parts = rules.computeIfAbsent(method, PartRules::of);
        if (!parts.untakeable().isEmpty()) {
            refuse(request, Response.Status.UNSUPPORTED_MEDIA_TYPE, method + " reads " + parts.untakeable()
                    + ", which multipart/form-data does not carry (JAX-RS: EntityPart, InputStream, String)");
            return;
        }
        PartRules.attach(servletRequest, parts);
        // RFC 7578, 5.1.2: a form's text fields come in the page's charset (UTF-8 here), without a type of their own.
        // RESTEasy would read them as US-ASCII (RFC 2046's default) unless told otherwise, and turn é into two "?"
        request.setProperty(RESTEASY_DEFAULT_CHARSET, StandardCharsets.UTF_8.name());
        request.setEntityStream(new MultipartScanner(request.getEntityStream(), boundary.get(),
                settings.uploadMaxSize(), settings.uploadMaxRequestSize(), parts,
                refusal -> {
                    LOG.log(Level.FINE, "Multipart body refused: {0}", refusal.getMessage());
                    MultipartRefusal.record(servletRequest, refusal);
                }));
    }

    private static Optional<String> boundaryOf(String contentType) {
        Matcher parameter = BOUNDARY_PARAMETER.matcher(contentType);
        if (!parameter.find()) {
            return Optional.empty();
        }
        String value = parameter.group(1);
        if (value.length() >= 2 && value.startsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return BOUNDARY.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    private static void refuse(ContainerRequestContext request, Response.Status status, String why) {
        LOG.log(Level.FINE, "Multipart request refused with {0}: {1}", new Object[] {status.getStatusCode(), why});
        request.abortWith(Response.status(status).build());
    }
}
