package dev.nex.jakarta.impl.eviction;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.nex.jakarta.PageEndReason;

/** Pages created and ended by reason, since deployment (SPEC 9). */
public final class PageCounters {

    private final LongAdder created = new LongAdder();
    private final Map<PageEndReason, LongAdder> ended = new EnumMap<>(PageEndReason.class);

    PageCounters() {
        for (PageEndReason reason : PageEndReason.values()) {
            ended.put(reason, new LongAdder());
        }
    }

    void created() {
        created.increment();
    }

    void ended(PageEndReason reason) {
        ended.get(reason).increment();
    }

    public long createdCount() {
        return created.sum();
    }

    public long endedCount(PageEndReason reason) {
        return ended.get(reason).sum();
    }
}
