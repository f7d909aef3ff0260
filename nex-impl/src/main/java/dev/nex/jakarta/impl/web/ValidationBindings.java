package dev.nex.jakarta.impl.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.mvc.Controller;
import jakarta.validation.Constraint;

import org.eclipse.krazo.binding.validate.ValidationInterceptorBinding;

/**
 * Binds validation only to controllers that have something to validate (SPEC 11.1). Krazo binds its validation
 * interceptor, and so Nex's two, to every controller method; for a controller without a single constraint each
 * call then still builds those interceptors and asks Bean Validation three times for nothing (docs/benchmarks.md).
 * <p>
 * A controller whose class, supertypes and interfaces carry no Bean Validation annotation anywhere (class, fields,
 * methods, parameters, return and type arguments) loses the binding. Constraints can also come from
 * {@code validation.xml}, which no annotation shows: so when the application starts, {@link ControllerConstraints}
 * asks Bean Validation's own metadata about every controller that lost it, and one it says is constrained fails the
 * deployment, naming it. A constraint is never skipped silently.
 */
public class ValidationBindings implements Extension {

    /** The controllers that lost the binding. */
    private final Set<Class<?>> unbound = ConcurrentHashMap.newKeySet();

    /** After Krazo's extension ({@code PLATFORM_AFTER}), which adds the binding to each controller method. */
    <T> void unbindUnconstrained(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
                                 @WithAnnotations(Controller.class) ProcessAnnotatedType<T> type) {
        Class<T> controller = type.getAnnotatedType().getJavaClass();
        if (mentionsValidation(controller)) {
            return;
        }
        type.configureAnnotatedType().methods().forEach(method -> method.remove(
                annotation -> annotation.annotationType() == ValidationInterceptorBinding.class));
        unbound.add(controller);
    }

    /** The controllers that lost the binding, for {@link ControllerConstraints} to check as the application starts. */
    Set<Class<?>> unbound() {
        return unbound;
    }

    private static Stream<Class<?>> hierarchy(Class<?> type) {
        if (type == null || type == Object.class) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(type), Stream.concat(hierarchy(type.getSuperclass()),
                Stream.of(type.getInterfaces()).flatMap(ValidationBindings::hierarchy)));
    }

    /** Whether a Bean Validation annotation appears anywhere in {@code type}, its supertypes or interfaces. */
    static boolean mentionsValidation(Class<?> type) {
        return hierarchy(type).anyMatch(ValidationBindings::declaresValidation);
    }

    /** Whether a Bean Validation annotation appears anywhere on {@code type}'s own declarations. */
    private static boolean declaresValidation(Class<?> type) {
        if (annotated(type)) {
            return true;
        }
        for (Field field : type.getDeclaredFields()) {
            if (annotated(field) || annotated(field.getAnnotatedType())) {
                return true;
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (annotated(method) || annotated(method.getAnnotatedReturnType())) {
                return true;
            }
            for (Parameter parameter : method.getParameters()) {
                if (annotated(parameter) || annotated(parameter.getAnnotatedType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A type use and every type nested in it: {@code List<@NotBlank String>} is constrained. */
    private static boolean annotated(AnnotatedType use) {
        if (use == null) {
            return false;
        }
        if (annotated((AnnotatedElement) use)) {
            return true;
        }
        List<AnnotatedType> nested = new ArrayList<>();
        if (use instanceof AnnotatedParameterizedType parameterized) {
            nested.addAll(List.of(parameterized.getAnnotatedActualTypeArguments()));
        } else if (use instanceof AnnotatedArrayType array) {
            nested.add(array.getAnnotatedGenericComponentType());
        } else if (use instanceof AnnotatedWildcardType wildcard) {
            nested.addAll(List.of(wildcard.getAnnotatedUpperBounds()));
            nested.addAll(List.of(wildcard.getAnnotatedLowerBounds()));
        } // not a type variable's bounds: Bean Validation does not look there, and they may name the variable itself
        nested.add(use.getAnnotatedOwnerType());
        return nested.stream().anyMatch(ValidationBindings::annotated);
    }

    private static boolean annotated(AnnotatedElement element) {
        return Stream.of(element.getDeclaredAnnotations()).map(Annotation::annotationType)
                .anyMatch(ValidationBindings::isValidation);
    }

    /**
     * Bean Validation's own annotations ({@code @Valid}, the built-in constraints, their {@code List}s), any
     * constraint ({@code @Constraint} on its type), and containers of repeated constraints.
     */
    private static boolean isValidation(Class<? extends Annotation> type) {
        return type.getName().startsWith("jakarta.validation.") || type.isAnnotationPresent(Constraint.class)
                || Stream.of(type.getDeclaredMethods()).anyMatch(member -> member.getName().equals("value")
                        && member.getReturnType().isArray()
                        && member.getReturnType().getComponentType().isAnnotationPresent(Constraint.class));
    }
}
