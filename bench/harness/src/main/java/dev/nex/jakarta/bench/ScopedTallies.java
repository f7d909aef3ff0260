package dev.nex.jakarta.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import dev.nex.jakarta.PageScoped;

/** The same {@link Tally} in three normal scopes, each called through its client proxy. */
public final class ScopedTallies {

    private ScopedTallies() {
    }

    @PageScoped
    public static class PageTally extends Tally implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    @ApplicationScoped
    public static class ApplicationTally extends Tally {
    }

    /** Weld's own thread-bound scope: a reference for what a per-request lookup costs. */
    @RequestScoped
    public static class RequestTally extends Tally {
    }
}
