package dev.nex.jakarta.impl.config;

/** What an action on an unknown or expired page does (SPEC 3.4, {@code nex.page.expired}). */
public enum ExpiredPagePolicy {
    /** The action runs against empty state under the presented id. */
    RESET,
    /** The action does not run; the response is {@code 200} with {@code HX-Refresh: true}. */
    REFRESH
}
