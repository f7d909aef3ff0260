package dev.nex.jakarta.impl.web;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.eclipse.krazo.binding.validate.ValidationInterceptorBinding;

/**
 * SPEC 11.1, 7.8: a controller whose return value violates its own constraints fails like any other failing
 * action (a logged 500), where Krazo validates it and drops the violations. Innermost, inside Krazo's controller
 * interceptor ({@code PLATFORM_AFTER}): a controller that failed so has not "executed", and Krazo does not try to
 * render its error response as a view.
 */
@Interceptor
@ValidationInterceptorBinding
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class ReturnValueValidationInterceptor {

    @Inject
    ControllerConstraints constraints;

    @AroundInvoke
    Object validateReturnValue(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (constraints.onReturnValue(invocation.getMethod())) {
            Set<ConstraintViolation<Object>> violations = constraints.validator().forExecutables()
                    .validateReturnValue(invocation.getTarget(), invocation.getMethod(), result);
            if (!violations.isEmpty()) { // the controller's bug, not the request's
                throw new IllegalStateException("The return value of " + invocation.getMethod()
                        + " violates its constraints", new ConstraintViolationException(violations));
            }
        }
        return result;
    }
}
