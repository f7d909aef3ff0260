package dev.nex.jakarta.impl.page;

import java.time.Instant;

import dev.nex.jakarta.impl.eviction.PageRegistry;
import dev.nex.jakarta.impl.eviction.PageRegistry.Lookup;
import dev.nex.jakarta.impl.eviction.PageRegistry.Outcome;

/**
 * Binds the calling thread to a page exactly as {@link PageRequestFilter} binds a request, for benchmarks that run
 * nex-impl outside a servlet container. It lives in nex-impl's package because the binding factories are not API.
 */
public final class BenchRequests {

    private BenchRequests() {
    }

    /** A full-page request of a page minted just now, owned by the session with owner key {@code owner}. */
    public static PageBinding enterNewPage(PageRegistry registry, PageIds ids, String owner) {
        String id = ids.mint(Instant.now().getEpochSecond());
        PageBinding binding = PageBinding.withoutState(id, true, registry, () -> owner);
        PageBindings.bind(binding);
        return binding;
    }

    /** An htmx action on live page {@code pageId}: looked up, counted in and bound, as the filter does. */
    public static PageBinding enterAction(PageRegistry registry, PageIds ids, String pageId, String owner) {
        Lookup lookup = registry.lookup(ids.check(pageId), owner);
        if (lookup.outcome() != Outcome.LIVE) {
            throw new IllegalStateException("Page " + pageId.substring(0, 8) + " is " + lookup.outcome());
        }
        PageBinding binding = PageBinding.live(lookup.state(), registry);
        PageBindings.bind(binding);
        return binding;
    }

    /** The end of the request: unbinds and counts the request out of its page. */
    public static void exit(PageBinding binding) {
        PageBindings.restore(null);
        binding.release();
    }
}
