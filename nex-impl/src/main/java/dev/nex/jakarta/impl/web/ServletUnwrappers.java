package dev.nex.jakarta.impl.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.krazo.core.HttpCommunicationUnwrapper;
import org.eclipse.krazo.util.ServiceLoaders;

/**
 * The servlet request and response behind the JAX-RS runtime's proxies, through Krazo's unwrapper SPI (a view
 * engine must forward the original or a standard wrapper), with the implementations looked up once per
 * application: they cannot change while it runs, and the lookup reads every jar's {@code META-INF/services}.
 */
@ApplicationScoped
public class ServletUnwrappers {

    private volatile List<HttpCommunicationUnwrapper> unwrappers;

    HttpServletRequest request(HttpServletRequest request) {
        return unwrapperOf(request).unwrapRequest(request, HttpServletRequest.class);
    }

    HttpServletResponse response(HttpServletResponse response) {
        return unwrapperOf(response).unwrapResponse(response, HttpServletResponse.class);
    }

    private HttpCommunicationUnwrapper unwrapperOf(Object wrapped) {
        for (HttpCommunicationUnwrapper unwrapper : unwrappers()) {
            if (unwrapper.supports(wrapped)) {
                return unwrapper;
            }
        }
        throw new IllegalStateException("No HttpCommunicationUnwrapper for " + wrapped);
    }

    /** By falling priority, as Krazo orders them; read on first use, with the application's class loader. */
    private List<HttpCommunicationUnwrapper> unwrappers() {
        List<HttpCommunicationUnwrapper> found = unwrappers;
        if (found == null) {
            found = List.copyOf(ServiceLoaders.list(HttpCommunicationUnwrapper.class));
            unwrappers = found;
        }
        return found;
    }
}
