package dev.nex.jakarta.impl.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Which pages a cap ends (SPEC 6.3, 6.4), for every backend: the least recently used first, never the page whose
 * start went over the cap. Times are compared by their difference, so {@link System#nanoTime()} works as well as
 * wall-clock milliseconds.
 */
public final class LeastRecentlyUsed {

    private LeastRecentlyUsed() {
    }

    /** The {@code count} least recently used of {@code candidates}, oldest first, without {@code spared}. */
    public static <P> List<P> pick(Iterable<P> candidates, ToLongFunction<P> lastUse, P spared, int count) {
        if (count == 1) { // the usual case: one page over the cap, found without sorting them all
            P oldest = null;
            for (P candidate : candidates) {
                if (!Objects.equals(candidate, spared)
                        && (oldest == null || lastUse.applyAsLong(candidate) - lastUse.applyAsLong(oldest) < 0)) {
                    oldest = candidate;
                }
            }
            return oldest == null ? List.of() : List.of(oldest);
        }
        List<P> sorted = new ArrayList<>();
        for (P candidate : candidates) {
            if (!Objects.equals(candidate, spared)) {
                sorted.add(candidate);
            }
        }
        sorted.sort((a, b) -> Long.signum(lastUse.applyAsLong(a) - lastUse.applyAsLong(b)));
        return sorted.subList(0, Math.max(0, Math.min(count, sorted.size())));
    }
}
