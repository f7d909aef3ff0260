package dev.nex.jakarta.impl.page;

import java.time.Instant;

import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;
import dev.nex.jakarta.impl.state.PageStateBackend;
import dev.nex.jakarta.impl.state.PageStateBackend.Lookup;

/**
 * Binds the calling thread to a page exactly as {@link PageRequestFilter} binds a request, for benchmarks that run
 * nex-impl outside a servlet container. It lives in nex-impl's package because the binding factories are not API.
 */
public final class BenchRequests {

    private BenchRequests() {
    }

    /** A full-page request of a page minted just now, owned by the session with owner key {@code owner}. */
    public static PageBinding enterNewPage(PageStateBackend states, PageIdCodec ids, String owner) {
        String id = ids.mint(Instant.now().getEpochSecond());
        PageBinding binding = PageBinding.withoutState(id, true, states, () -> owner);
        PageBindingHolder.bind(binding);
        return binding;
    }

    /** An htmx action on live page {@code pageId}: looked up, counted in and bound, as the filter does. */
    public static PageBinding enterAction(PageStateBackend states, PageIdCodec ids, String pageId, String owner) {
        Lookup lookup = states.lookup(ids.check(pageId).value(), owner);
        if (lookup.found() != PageStateBackend.Found.LIVE) {
            throw new IllegalStateException("Page " + pageId.substring(0, 8) + " is " + lookup.found());
        }
        PageBinding binding = PageBinding.live(lookup.page(), states);
        PageBindingHolder.bind(binding);
        return binding;
    }

    /** The end of the request: unbinds and counts the request out of its page. */
    public static void exit(PageBinding binding) {
        PageBindingHolder.restore(null);
        binding.release();
    }
}
