package dev.nex.jakarta.impl.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

import org.eclipse.krazo.forms.FormMethodOverwriteFilter;

/**
 * Makes Krazo's hidden-method filter ({@code _method} in a form) one instance per application instead of one per
 * request. It is {@code @RequestScoped}, and its constructor asks {@code java.util.ServiceLoader} for the form
 * reader, which reads every jar's {@code META-INF/services}: about a tenth of a request's CPU (docs/benchmarks.md).
 * It keeps no request state: its configuration reaches the request through Krazo's request-scoped proxies, and the
 * form reader is stateless.
 */
public class FormMethodFilterScope implements Extension {

    void oncePerApplication(@Observes ProcessAnnotatedType<FormMethodOverwriteFilter> type) {
        type.configureAnnotatedType()
                .remove(annotation -> annotation.annotationType() == RequestScoped.class)
                .add(ApplicationScoped.Literal.INSTANCE);
    }
}
