package dev.nex.jakarta.impl.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/** {@link CurrentPage}, also {@code ${nexPage}} in EL. */
@ApplicationScoped
@Named(CurrentPage.EL_NAME)
public class CurrentPageBean implements CurrentPage {

    @Override
    public String getId() {
        return PageBindingHolder.require().pageId();
    }

    @Override
    public boolean isNew() {
        return PageBindingHolder.require().isNew();
    }
}
