package dev.nex.jakarta.impl.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The request paths the application's resources answer (their {@code @Path} templates, relative to the JAX-RS
 * application), so that Referer-relative action paths (SPEC 7.5) are only tried where nothing else matches.
 */
public final class RouteIndex {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private final List<Pattern> routes = new CopyOnWriteArrayList<>();

    /** Indexes a root resource class: its own path, and each resource method's and sub-resource locator's. */
    public void add(Class<?> resource) {
        Path root = resource.getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        routes.add(compile(root.value(), false));
        for (Method method : resource.getMethods()) {
            Path sub = method.getAnnotation(Path.class);
            if (sub != null) {
                routes.add(compile(root.value() + "/" + sub.value(), !isResourceMethod(method)));
            }
        }
    }

    /** Whether some resource answers {@code path} (relative to the application, with or without leading slash). */
    public boolean matches(String path) {
        String normalized = trimSlashes(path);
        return routes.stream().anyMatch(route -> route.matcher(normalized).matches());
    }

    private static boolean isResourceMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** A template as a regex; a sub-resource locator also matches everything below it. */
    static Pattern compile(String template, boolean prefix) {
        String path = trimSlashes(template.replaceAll("/+", "/"));
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).trim()).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex + (prefix ? "(/.*)?" : "/?"));
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
