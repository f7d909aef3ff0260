package dev.nex.jakarta.impl.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * What a constraint violation of a controller's input concerns (SPEC 11.1): the annotations of the violated
 * parameter or field, so whether it is an {@code @MvcBinding}, and the name of the request parameter it came from.
 * Looked up on the declaring classes: a controller instance is often a container subclass whose overriding
 * methods carry no annotations.
 */
final class InputViolations {

    private static final String MVC_BINDING = MvcBinding.class.getName();

    private InputViolations() {
    }

    /**
     * Whether the violated parameter or field is an {@code @MvcBinding}; {@code method} is the controller method
     * called, whose own parameter annotations are the ones to read. Compared by name: a server may load the
     * annotation through more than one class loader.
     */
    static boolean isMvcBinding(ConstraintViolation<?> violation, Method method) {
        Path.Node last = lastNode(violation);
        Annotation[] annotations = last != null && last.getKind() == ElementKind.PARAMETER
                ? method.getParameterAnnotations()[last.as(Path.ParameterNode.class).getParameterIndex()]
                : annotationsOf(violation);
        return Arrays.stream(annotations).anyMatch(a -> a.annotationType().getName().equals(MVC_BINDING));
    }

    /** Whether the violation is of a method's return value: the server's fault, not the request's. */
    static boolean isOfReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The request parameter the violated value came from ({@code @FormParam("email")}), else the property's name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        for (Annotation annotation : annotationsOf(violation)) {
            String name = parameterName(annotation);
            if (name != null) {
                return name;
            }
        }
        Path.Node last = lastNode(violation);
        return last == null || last.getName() == null ? "" : last.getName();
    }

    private static String parameterName(Annotation annotation) {
        if (annotation instanceof FormParam form) {
            return form.value();
        } else if (annotation instanceof QueryParam query) {
            return query.value();
        } else if (annotation instanceof PathParam path) {
            return path.value();
        } else if (annotation instanceof HeaderParam header) {
            return header.value();
        } else if (annotation instanceof CookieParam cookie) {
            return cookie.value();
        } else if (annotation instanceof MatrixParam matrix) {
            return matrix.value();
        }
        return null;
    }

    private static Annotation[] annotationsOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        Path.Node last = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        if (last == null) {
            return new Annotation[0];
        }
        if (last.getKind() == ElementKind.PROPERTY && violation.getLeafBean() != null) {
            return fieldAnnotations(violation.getLeafBean().getClass(), last.getName());
        }
        if (last.getKind() == ElementKind.PARAMETER && nodes.size() == 2 && violation.getRootBean() != null) {
            Path.MethodNode method = nodes.get(0).as(Path.MethodNode.class);
            int index = last.as(Path.ParameterNode.class).getParameterIndex();
            return parameterAnnotations(violation.getRootBean().getClass(), method, index);
        }
        return new Annotation[0]; // a class-level constraint, a return value, a container element
    }

    private static Annotation[] fieldAnnotations(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                return field.getAnnotations();
            } catch (NoSuchFieldException e) {
                // declared further up, or a container subclass
            }
        }
        return new Annotation[0];
    }

    private static Annotation[] parameterAnnotations(Class<?> type, Path.MethodNode node, int index) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(new Class<?>[0]);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(node.getName(), parameterTypes);
                Annotation[] annotations = method.getParameterAnnotations()[index];
                if (annotations.length > 0) {
                    return annotations;
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return new Annotation[0];
    }

    private static Path.Node lastNode(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last;
    }
}
