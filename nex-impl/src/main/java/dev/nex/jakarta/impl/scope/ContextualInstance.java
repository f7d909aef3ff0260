package dev.nex.jakarta.impl.scope;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/** A bean instance kept with the {@link CreationalContext} it was created with, so it can be destroyed properly. */
public record ContextualInstance<T>(Contextual<T> contextual, CreationalContext<T> creationalContext, T instance) {

    /** Runs {@code @PreDestroy} and releases the instance's {@code @Dependent} dependents (SPEC 5.3). */
    public void destroy() {
        contextual.destroy(instance, creationalContext);
    }
}
