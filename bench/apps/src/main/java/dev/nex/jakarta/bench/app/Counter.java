package dev.nex.jakarta.bench.app;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state behind the counter action, thread-safe because htmx may send actions in parallel. Its scope is the
 * subclass's: page-scoped under Nex, session-scoped in the plain baseline.
 */
public abstract class Counter implements Serializable {

    private static final long serialVersionUID = 1L;
    private final AtomicInteger count = new AtomicInteger();

    public int increment() {
        return count.incrementAndGet();
    }
}
