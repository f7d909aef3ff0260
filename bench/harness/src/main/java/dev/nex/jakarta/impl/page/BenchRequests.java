package dev.nex.jakarta.impl.page;

import java.time.Instant;

import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindings;
import dev.nex.jakarta.impl.state.PageStates;
import dev.nex.jakarta.impl.state.PageStates.Lookup;

/**
 * Binds the calling thread to a page exactly as {@link PageRequestFilter} binds a request, for benchmarks that run
 * nex-impl outside a servlet container. It lives in nex-impl's package because the binding factories are not API.
 */
public final class BenchRequests {

    private BenchRequests() {
    }

    /** A full-page request of a page minted just now, owned by the session with owner key {@code owner}. */
    public static PageBinding enterNewPage(PageStates states, PageIds ids, String owner) {
        String id = ids.mint(Instant.now().getEpochSecond());
        PageBinding binding = PageBinding.withoutState(id, true, states, () -> owner);
        PageBindings.bind(binding);
        return binding;
    }

    /** An htmx action on live page {@code pageId}: looked up, counted in and bound, as the filter does. */
    public static PageBinding enterAction(PageStates states, PageIds ids, String pageId, String owner) {
        Lookup lookup = states.lookup(ids.check(pageId).value(), owner);
        if (lookup.found() != PageStates.Found.LIVE) {
            throw new IllegalStateException("Page " + pageId.substring(0, 8) + " is " + lookup.found());
        }
        PageBinding binding = PageBinding.live(lookup.page(), states);
        PageBindings.bind(binding);
        return binding;
    }

    /** The end of the request: unbinds and counts the request out of its page. */
    public static void exit(PageBinding binding) {
        PageBindings.restore(null);
        binding.release();
    }
}
