package dev.nex.jakarta.impl;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.impl.eviction.SessionEndListener;
import dev.nex.jakarta.impl.page.PageRequestFilter;
import dev.nex.jakarta.impl.page.StreamTickets;
import dev.nex.jakarta.impl.push.EventStreamServlet;
import dev.nex.jakarta.impl.monitoring.StatisticsRegistration;
import dev.nex.jakarta.impl.upload.MultipartRequestFilter;
import dev.nex.jakarta.impl.web.PageScript;
import dev.nex.jakarta.impl.web.ScriptServlet;
import dev.nex.jakarta.impl.web.UnloadServlet;
import dev.nex.jakarta.impl.web.WebJarScriptServlet;

/**
 * Installs the page filter in front of everything else in the application, the upload filter after it, the
 * session listener, the statistics MBean registration, the backend's start listener, the page script, the unload
 * endpoint, the pages' event streams, and htmx and its SSE extension from their WebJars, without any web.xml entry from the user.
 */
public class NexServletInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter("nex-page", PageRequestFilter.class);
        filter.setAsyncSupported(true);
        // not forwards and includes (JSP views): they stay on the thread the page is bound to. Error pages: most
        // containers dispatch them after the request's filter call has returned and unbound its page
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
        FilterRegistration.Dynamic uploads = context.addFilter("nex-multipart", MultipartRequestFilter.class);
        uploads.setAsyncSupported(true);
        uploads.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addListener(SessionEndListener.class);
        context.addListener(StatisticsRegistration.class);
        context.addListener(BackendProducer.StartListener.class);
        context.addServlet("nex-unload", UnloadServlet.class).addMapping(PageScript.UNLOAD_PATH);
        context.addServlet("nex-script", ScriptServlet.class).addMapping(PageScript.PATH);
        ServletRegistration.Dynamic events = context.addServlet("nex-events", EventStreamServlet.class);
        events.setAsyncSupported(true);
        events.addMapping(StreamTickets.STREAM_PATH);
        WebJarScriptServlet.htmx(context.getClassLoader())
                .ifPresent(htmx -> context.addServlet("nex-htmx", htmx).addMapping(CurrentPage.HTMX_PATH));
        WebJarScriptServlet.sseExtension(context.getClassLoader()).ifPresent(
                sse -> context.addServlet("nex-htmx-sse", sse).addMapping(CurrentPage.SSE_EXTENSION_PATH));
    }
}
