package dev.nex.jakarta.impl.page;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

import dev.nex.jakarta.impl.state.PageBinding;

/**
 * Releases an asynchronous request's page when the request completes (SPEC 6.8); a timeout or error ends in a
 * completion too, so this is the one place that releases it.
 */
final class ReleaseOnCompletion implements AsyncListener {

    private final PageBinding binding;

    ReleaseOnCompletion(PageBinding binding) {
        this.binding = binding;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        binding.release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this); // async started again: still ours to release at the end
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // followed by onComplete
    }

    @Override
    public void onError(AsyncEvent event) {
        // followed by onComplete
    }
}
