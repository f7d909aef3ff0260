package dev.nex.jakarta.impl.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.CascadableDescriptor;
import jakarta.validation.metadata.ContainerDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.MethodDescriptor;

import org.eclipse.krazo.cdi.Internal;

/**
 * Which controller methods have constraints to check (SPEC 11.1), as Bean Validation's metadata says, once per
 * method: most have none, and their calls are then not validated at all. Validates with Krazo's validator
 * factory (the container's where there is one), so messages read as in {@code BindingResult}. Also checks, as
 * the application starts, that the controllers {@link ValidationBindings} left unvalidated have no constraints.
 */
@ApplicationScoped
public class ControllerConstraints {

    @Inject
    @Internal
    ValidatorFactory validators;

    @Inject
    ValidationBindings bindings;

    private Validator validator;
    private volatile boolean unboundChecked;
    private final Map<Method, Boolean> input = new ConcurrentHashMap<>();
    private final Map<Method, Boolean> returnValue = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        validator = validators.getValidator();
    }

    /**
     * Fails the deployment if Bean Validation finds constraints on a controller that lost its validation binding
     * because none of its annotations is one ({@link ValidationBindings}): constraints from {@code validation.xml}.
     * Runs as the application starts, from whichever of this observer and {@link UnboundControllerCheck} comes
     * first: on GlassFish the observer, whose failure the deployment reports with this message; on Open Liberty
     * the startup bean, the first point where Bean Validation can be asked and whose failure fails the deployment
     * at once (after the observer's, Liberty's deployment would only time out).
     */
    void checkUnboundAtStartup(@Observes @Initialized(ApplicationScoped.class) Object application) {
        checkUnbound();
    }

    /** See {@link #checkUnboundAtStartup}; once. */
    void checkUnbound() {
        if (unboundChecked) {
            return;
        }
        unboundChecked = true;
        List<String> constrained = new ArrayList<>();
        for (Class<?> controller : bindings.unbound()) {
            for (Method method : controller.getMethods()) {
                if (method.getDeclaringClass() != Object.class
                        && (onInput(controller, method) || onReturnValue(method))) {
                    constrained.add(controller.getName() + "." + method.getName());
                }
            }
        }
        if (!constrained.isEmpty()) {
            throw new DeploymentException("Validation (SPEC 11.1): Bean Validation finds constraints on "
                    + constrained + " though the class shows no Bean Validation annotation (constraints from"
                    + " validation.xml?), so Nex would not validate them. Annotate each such controller class with"
                    + " any jakarta.validation annotation (e.g. @ValidateOnExecution) to keep it validated.");
        }
    }

    Validator validator() {
        return validator;
    }

    /** Whether the controller ({@code type}, a container subclass maybe) or the parameters of {@code method} are constrained. */
    boolean onInput(Class<?> type, Method method) {
        return input.computeIfAbsent(method, m -> {
            MethodDescriptor descriptor = descriptor(m);
            return validator.getConstraintsForClass(type).isBeanConstrained() || descriptor != null
                    && (descriptor.getCrossParameterDescriptor().hasConstraints()
                    || descriptor.getParameterDescriptors().stream().anyMatch(ControllerConstraints::constrained));
        });
    }

    boolean onReturnValue(Method method) {
        return returnValue.computeIfAbsent(method, m -> {
            MethodDescriptor descriptor = descriptor(m);
            return descriptor != null && constrained(descriptor.getReturnValueDescriptor());
        });
    }

    /**
     * Constrained itself, cascaded ({@code @Valid}), or in a type argument ({@code List<@NotBlank String>}):
     * Bean Validation's {@code hasConstrainedParameters} and {@code hasConstrainedReturnValue} miss the last.
     */
    private static <D extends ElementDescriptor & CascadableDescriptor & ContainerDescriptor> boolean constrained(
            D element) {
        return element.hasConstraints() || element.isCascaded()
                || !element.getConstrainedContainerElementTypes().isEmpty();
    }

    private MethodDescriptor descriptor(Method method) {
        return validator.getConstraintsForClass(method.getDeclaringClass())
                .getConstraintsForMethod(method.getName(), method.getParameterTypes());
    }
}
