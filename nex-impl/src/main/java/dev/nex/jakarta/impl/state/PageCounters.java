package dev.nex.jakarta.impl.state;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.nex.jakarta.PageEndReason;

/** Pages created and ended by reason, since deployment (SPEC 9). */
public final class PageCounters {

    private final LongAdder created = new LongAdder();
    private final Map<PageEndReason, LongAdder> ended = new EnumMap<>(PageEndReason.class);

    public PageCounters() {
        for (PageEndReason reason : PageEndReason.values()) {
            ended.put(reason, new LongAdder());
        }
    }

    public void created() {
        created.increment();
    }

    public void ended(PageEndReason reason) {
        ended.get(reason).increment();
    }

    public long createdCount() {
        return created.sum();
    }

    public long endedCount(PageEndReason reason) {
        return ended.get(reason).sum();
    }
}
