package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.ServletCalls;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/** Injects the page script into full-page HTML responses, and only those (SPEC 7.1, 7.3, 7.7). */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class PageScriptInterceptor implements WriterInterceptor {

    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    @Inject
    PageScript script;

    @Inject
    NexSettings settings;

    @Context
    HttpServletResponse response;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        PageBinding binding = PageBindingHolder.current();
        if (binding == null || !binding.isNew() || !settings.scriptInject() || !FullPageHeadersFilter.isHtml(context.getMediaType(),
                context.getType()) || script.isPlaced()) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        ScriptInjectingOutputStream injecting = new ScriptInjectingOutputStream(original,
                () -> script.forInjection(contentSecurityPolicy(context)));
        context.setOutputStream(injecting);
        try {
            context.proceed();
            injecting.finish();
        } finally {
            context.setOutputStream(original);
        }
    }

    private String contentSecurityPolicy(WriterInterceptorContext context) {
        Object header = context.getHeaders().getFirst(CONTENT_SECURITY_POLICY);
        return header != null ? header.toString()
                : ServletCalls.responseOr(response).getHeader(CONTENT_SECURITY_POLICY);
    }
}
