package dev.nex.jakarta.impl.scope;

import java.lang.annotation.Annotation;

import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.impl.page.PageBindings;
import dev.nex.jakarta.impl.store.PageState;

/**
 * The {@link PageScoped} context (SPEC 5): active wherever a page is bound to the thread; instances live in the
 * bound page's {@link PageBeans}. Getting an instance is a write: it allocates the page's state.
 */
public class PageContext implements AlterableContext {

    @Override
    public Class<? extends Annotation> getScope() {
        return PageScoped.class;
    }

    @Override
    public boolean isActive() {
        return PageBindings.current() != null;
    }

    @Override
    public <T> T get(Contextual<T> bean, CreationalContext<T> creationalContext) {
        return PageBindings.require().stateForWrite().beans().getOrCreate(bean, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> bean) {
        PageState state = PageBindings.require().stateForRead();
        PageBeans beans = state == null ? null : state.beansIfAny();
        return beans == null ? null : beans.get(bean);
    }

    @Override
    public void destroy(Contextual<?> bean) {
        PageState state = PageBindings.require().stateForRead();
        PageBeans beans = state == null ? null : state.beansIfAny();
        if (beans != null) {
            beans.destroy(bean);
        }
    }
}
