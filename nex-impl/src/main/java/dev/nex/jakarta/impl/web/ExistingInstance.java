package dev.nex.jakarta.impl.web;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * The current request's instance of a {@code @RequestScoped} bean, if the request made one: asks the request
 * context for an existing instance and creates none, so the responses that never used the bean build none
 * (cut 6, docs/benchmarks.md). {@code null} where none exists, or where no request context is active (a response
 * written on another thread than its request's).
 */
final class ExistingInstance<T> {

    private final BeanManager beans;
    private final Class<T> type;
    /** Looked up once: the beans are fixed once the application is deployed. */
    private volatile Bean<?> bean;

    ExistingInstance(BeanManager beans, Class<T> type) {
        this.beans = beans;
        this.type = type;
    }

    T get() {
        Bean<?> found = bean;
        if (found == null) {
            found = beans.resolve(beans.getBeans(type));
            bean = found;
        }
        try {
            return type.cast(beans.getContext(RequestScoped.class).get(found));
        } catch (ContextNotActiveException notOnTheRequestThread) {
            return null;
        }
    }
}
