package dev.nex.jakarta.impl.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.MethodDescriptor;

import org.eclipse.krazo.cdi.Internal;

/**
 * Which controller methods have constraints to check (SPEC 11.1), as Bean Validation's metadata says, once per
 * method: most have none, and their calls are then not validated at all. Validates with Krazo's validator
 * factory (the container's where there is one), so messages read as in {@code BindingResult}.
 */
@ApplicationScoped
public class ControllerConstraints {

    @Inject
    @Internal
    ValidatorFactory validators;

    private Validator validator;
    private final Map<Method, Boolean> input = new ConcurrentHashMap<>();
    private final Map<Method, Boolean> returnValue = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        validator = validators.getValidator();
    }

    Validator validator() {
        return validator;
    }

    /** Whether the controller ({@code type}, a container subclass maybe) or the parameters of {@code method} are constrained. */
    boolean onInput(Class<?> type, Method method) {
        return input.computeIfAbsent(method, m -> {
            MethodDescriptor descriptor = descriptor(m);
            return validator.getConstraintsForClass(type).isBeanConstrained()
                    || descriptor != null && descriptor.hasConstrainedParameters();
        });
    }

    boolean onReturnValue(Method method) {
        return returnValue.computeIfAbsent(method, m -> {
            MethodDescriptor descriptor = descriptor(m);
            return descriptor != null && descriptor.hasConstrainedReturnValue();
        });
    }

    private MethodDescriptor descriptor(Method method) {
        return validator.getConstraintsForClass(method.getDeclaringClass())
                .getConstraintsForMethod(method.getName(), method.getParameterTypes());
    }
}
