package dev.nex.jakarta.impl.scope;

import java.lang.annotation.Annotation;

import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.impl.state.Page;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * The {@link PageScoped} context (SPEC 5): active wherever a page is bound to the thread; instances live with the
 * bound page's state, in whatever backend keeps it. Getting an instance is a write: it allocates the page's state.
 */
public class PageContext implements AlterableContext {

    @Override
    public Class<? extends Annotation> getScope() {
        return PageScoped.class;
    }

    @Override
    public boolean isActive() {
        return PageBindingHolder.current() != null;
    }

    @Override
    public <T> T get(Contextual<T> bean, CreationalContext<T> creationalContext) {
        return PageBindingHolder.require().stateForWrite().beans().getOrCreate(bean, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> bean) {
        Page page = PageBindingHolder.require().stateForRead();
        return page == null ? null : page.beans().get(bean);
    }

    @Override
    public void destroy(Contextual<?> bean) {
        Page page = PageBindingHolder.require().stateForRead();
        if (page != null) {
            page.beans().destroy(bean);
        }
    }
}
