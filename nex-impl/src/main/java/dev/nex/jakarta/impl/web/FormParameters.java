package dev.nex.jakarta.impl.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.nex.jakarta.impl.upload.BeanParamMember;

/**
 * A request with a body that is not a form, sent to a method that reads form parameters ({@code @FormParam},
 * directly or in a {@code @BeanParam}), is refused with 415. Jersey would fail with an exception when it
 * extracts the parameters (a 500 for a JSON body posted to a form action).
 */
@Provider
public class FormParameters implements ContainerRequestFilter {

    private final Map<Method, Boolean> readsForm = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || !readsForm.computeIfAbsent(method, FormParameters::readsForm)) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null ? request.hasEntity() : !isForm(type)) {
            request.abortWith(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).build());
        }
    }

    private static boolean isForm(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }

    private static boolean readsForm(Method method) {
        return Stream.of(method.getParameters()).anyMatch(FormParameters::readsForm);
    }

    private static boolean readsForm(Parameter parameter) {
        return parameter.isAnnotationPresent(FormParam.class)
                || parameter.isAnnotationPresent(BeanParam.class) && beanReadsForm(parameter.getType());
    }

    /** A {@code @BeanParam} class with a {@code @FormParam} field or setter, its superclasses included. */
    private static boolean beanReadsForm(Class<?> bean) {
        return BeanParamMember.allOf(bean).stream()
                .anyMatch(member -> member.element().isAnnotationPresent(FormParam.class));
    }
}
