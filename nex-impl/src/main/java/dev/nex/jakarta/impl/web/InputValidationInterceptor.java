package dev.nex.jakarta.impl.web;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.eclipse.krazo.binding.validate.ValidationInterceptorBinding;

/**
 * SPEC 11.1: a constraint on a controller's input that is not an {@code @MvcBinding} cannot be bypassed. Krazo
 * switches the JAX-RS runtime's validation off for controllers and validates them itself, but it only reports the
 * violations of {@code @MvcBinding} parameters (to {@code BindingResult}) and drops all others: the controller
 * would run with input its constraints refuse. This interceptor runs first on every controller method (Krazo marks
 * them with its interceptor binding) and throws a {@link ConstraintViolationException} for those violations, as
 * the JAX-RS runtime would have: the controller does not run, and {@link ConstraintViolationMapper} answers 400.
 * {@code @MvcBinding} violations are left to Krazo's interceptor and the controller.
 */
@Interceptor
@ValidationInterceptorBinding
@Priority(Interceptor.Priority.LIBRARY_BEFORE - 10) // before Krazo's (LIBRARY_BEFORE) and the application's
public class InputValidationInterceptor {

    @Inject
    ControllerConstraints constraints;

    @AroundInvoke
    Object validateInput(InvocationContext invocation) throws Exception {
        Object controller = invocation.getTarget();
        Method method = invocation.getMethod();
        if (constraints.onInput(controller.getClass(), method)) {
            Validator validator = constraints.validator();
            refuse(validator.validate(controller), method);
            refuse(validator.forExecutables().validateParameters(controller, method, invocation.getParameters()),
                    method);
        }
        return invocation.proceed();
    }

    /** Throws for the violations not bound with {@code @MvcBinding}, if any. */
    private static void refuse(Set<ConstraintViolation<Object>> violations, Method method) {
        if (violations.isEmpty()) {
            return;
        }
        Set<ConstraintViolation<?>> unbound = violations.stream()
                .filter(violation -> !InputViolations.isMvcBinding(violation, method))
                .collect(Collectors.toSet());
        if (!unbound.isEmpty()) {
            throw new ConstraintViolationException(unbound);
        }
    }
}
