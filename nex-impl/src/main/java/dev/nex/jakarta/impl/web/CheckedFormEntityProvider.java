package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Form;

import org.eclipse.krazo.security.FormEntityProvider;
import org.eclipse.krazo.util.ServiceLoaders;

/**
 * Krazo reads a form body before any controller runs (for its CSRF check and its hidden-method field); a body it
 * cannot decode is the client's mistake, answered 400 (a broken percent escape such as {@code item=%zz}) or 415
 * (a charset nobody knows), not the 500 Krazo's own exception would give. Registered through Krazo's SPI
 * ({@code META-INF/services}) ahead of the provider Krazo would use, which still does the reading.
 */
@Priority(10_000)
public class CheckedFormEntityProvider implements FormEntityProvider {

    /** Shared: Krazo's filters build a provider of their own (one per request for the hidden-method filter). */
    private static volatile FormEntityProvider reader;

    @Override
    public Form getForm(ContainerRequestContext request) throws IOException {
        try {
            return reader().getForm(request);
        } catch (UnsupportedEncodingException | UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new NotSupportedException("Unknown charset of the form body", e);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed form body", e);
        }
    }

    /** The provider Krazo would use without this one: the next by priority. */
    private static FormEntityProvider reader() {
        FormEntityProvider found = reader;
        if (found == null) {
            found = ServiceLoaders.list(FormEntityProvider.class).stream()
                    .filter(provider -> !(provider instanceof CheckedFormEntityProvider))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Krazo has no FormEntityProvider"));
            reader = found;
        }
        return found;
    }
}
