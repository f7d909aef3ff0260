package dev.nex.jakarta.impl.upload;

import java.io.IOException;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.nex.jakarta.impl.config.NexSettings;

/** Hands a {@code multipart/form-data} request on as a {@link CheckedPartsRequest}. */
public class MultipartRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient NexSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        boolean multipart = type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        chain.doFilter(multipart ? new CheckedPartsRequest(request, settings) : request, response);
    }
}
