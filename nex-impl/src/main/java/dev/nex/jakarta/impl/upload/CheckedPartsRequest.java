package dev.nex.jakarta.impl.upload;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

import dev.nex.jakarta.impl.config.NexSettings;

/**
 * A {@code multipart/form-data} request whose parts, when read through the servlet API ({@code getParts()}, as
 * RESTEasy does on Open Liberty, or an application's servlet), are held to the same rules as a body read through
 * {@link MultipartScanner}: 413 for a part or a body over its limit, 415 for a type the action does not take, 400
 * for a part without a name, a missing file part or a body the container cannot parse. The container reads the
 * body itself here, so the limits apply once it has read it.
 */
final class CheckedPartsRequest extends HttpServletRequestWrapper {

    private static final Logger LOG = Logger.getLogger(CheckedPartsRequest.class.getName());

    private final NexSettings settings;
    private List<Part> checked;

    CheckedPartsRequest(HttpServletRequest request, NexSettings settings) {
        super(request);
        this.settings = settings;
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        if (checked == null) {
            Optional<MultipartRefusedException> refused = MultipartRefusal.of(this);
            if (refused.isPresent()) {
                throw refused.get();
            }
            Collection<Part> parts;
            try {
                parts = super.getParts();
            } catch (IOException | ServletException | RuntimeException e) {
                LOG.log(Level.FINE, "The container could not read a multipart body", e);
                throw refuse(MultipartScanner.BAD_REQUEST, "The multipart body is not well-formed");
            }
            checked = check(List.copyOf(parts));
        }
        return checked;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        return getParts().stream().filter(part -> name.equals(part.getName())).findFirst().orElse(null);
    }

    private List<Part> check(List<Part> parts) throws MultipartRefusedException {
        PartRules rules = PartRules.of(this);
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Part part : parts) {
            String disposition = part.getHeader("Content-Disposition");
            Optional<FormDataDisposition> form = disposition == null ? Optional.empty()
                    : FormDataDisposition.parse(disposition);
            if (form.isEmpty()) {
                throw refuse(MultipartScanner.BAD_REQUEST, "A multipart part without a form-data name");
            }
            seen.add(form.get().name());
            total += part.getSize();
            if (part.getSize() > settings.uploadMaxSize() || total > settings.uploadMaxRequestSize()) {
                throw refuse(MultipartScanner.TOO_LARGE, "A part or the body is over its limit");
            }
            Optional<MultipartRefusedException> refusal = rules.refusal(form.get(), part.getContentType());
            if (refusal.isPresent()) {
                throw refuse(refusal.get());
            }
        }
        Optional<MultipartRefusedException> missing = rules.missing(seen);
        if (missing.isPresent()) {
            throw refuse(missing.get());
        }
        return parts;
    }

    private MultipartRefusedException refuse(int status, String why) {
        return refuse(new MultipartRefusedException(status, why));
    }

    private MultipartRefusedException refuse(MultipartRefusedException refusal) {
        LOG.log(Level.FINE, "Multipart parts refused: {0}", refusal.getMessage());
        MultipartRefusal.record(this, refusal);
        return refusal;
    }
}
