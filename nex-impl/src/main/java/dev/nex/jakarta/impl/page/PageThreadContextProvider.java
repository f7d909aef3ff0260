package dev.nex.jakarta.impl.page;

import java.util.Map;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * SPEC 6.8, 4.5: a task an action submits to a Jakarta Concurrency executor runs bound to the action's page (the
 * server finds this provider through {@link java.util.ServiceLoader}); where the context is cleared instead, the
 * task has no page, as on any background thread. The thread's own binding is restored when the task ends.
 */
public class PageThreadContextProvider implements ThreadContextProvider {

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> executionProperties) {
        return bindingTo(PageBindingHolder.current());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> executionProperties) {
        return bindingTo(null);
    }

    @Override
    public String getThreadContextType() {
        return CurrentPage.THREAD_CONTEXT;
    }

    private static ThreadContextSnapshot bindingTo(PageBinding binding) {
        return () -> {
            PageBinding previous = PageBindingHolder.bind(binding);
            return () -> PageBindingHolder.restore(previous);
        };
    }
}
