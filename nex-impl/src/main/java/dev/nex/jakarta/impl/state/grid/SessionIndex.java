package dev.nex.jakarta.impl.state.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Each session's pages, on the grid (one entry per session: its owner key → page ids), so that the per-session cap
 * (SPEC 6.3) and the session's end (SPEC 6.5) count the pages of every node. Changed by compare-and-set only.
 */
final class SessionIndex {

    private final Grid grid;
    private final String prefix;

    SessionIndex(Grid grid, String prefix) {
        this.grid = grid;
        this.prefix = prefix;
    }

    /**
     * Adds {@code pageId} to {@code owner}'s pages; returns the session's pages. Over {@code cap}, pages ended by
     * the sweep meanwhile are dropped first (only then: each costs a grid read), so the list may then still be
     * over the cap only by live pages.
     */
    List<String> add(String owner, String pageId, int cap) {
        String owned = grid.update(prefix + owner, raw -> {
            List<String> ids = raw == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(raw.split(",")));
            ids.add(pageId);
            if (ids.size() > cap) {
                ids.removeIf(id -> !id.equals(pageId) && grid.get(id) == null);
            }
            return String.join(",", ids);
        });
        return List.of(owned.split(","));
    }

    void remove(String owner, String pageId) {
        grid.update(prefix + owner, raw -> {
            if (raw == null) {
                return null;
            }
            List<String> ids = new ArrayList<>(Arrays.asList(raw.split(",")));
            ids.remove(pageId);
            return ids.isEmpty() ? null : String.join(",", ids);
        });
    }

    /**
     * Removes the entries of sessions whose pages have all ended: a session whose end no node saw (its node
     * died, or a server that does not report session timeouts to the application) would otherwise stay on the
     * grid forever. {@code live} is the sweep's view of the live pages; a page missing from it is looked up on the
     * grid before its session's entry goes, as it may have been created since.
     */
    void forgetEnded(List<String> sessionKeys, Set<String> live) {
        for (String key : sessionKeys) {
            String raw = grid.get(key);
            if (raw != null && Arrays.stream(raw.split(",")).noneMatch(live::contains)
                    && Arrays.stream(raw.split(",")).allMatch(pageId -> grid.get(pageId) == null)) {
                grid.remove(key, raw); // lost to a change: a page was added, the session lives
            }
        }
    }

    /** Forgets {@code owner}'s session; returns the pages it had. */
    List<String> removeAll(String owner) {
        String key = prefix + owner;
        for (;;) {
            String raw = grid.get(key);
            if (raw == null) {
                return List.of();
            }
            if (grid.remove(key, raw)) {
                return List.of(raw.split(","));
            }
        }
    }
}
