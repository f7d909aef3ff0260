package dev.nex.jakarta.impl.state.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        String key = prefix + owner;
        for (;;) {
            String raw = grid.get(key);
            List<String> owned = raw == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(raw.split(",")));
            owned.add(pageId);
            if (owned.size() > cap) {
                owned.removeIf(id -> !id.equals(pageId) && grid.get(id) == null);
            }
            String next = String.join(",", owned);
            if (raw == null ? grid.putIfAbsent(key, next) : grid.replace(key, raw, next)) {
                return owned;
            }
        }
    }

    void remove(String owner, String pageId) {
        String key = prefix + owner;
        for (;;) {
            String raw = grid.get(key);
            if (raw == null) {
                return;
            }
            List<String> owned = new ArrayList<>(Arrays.asList(raw.split(",")));
            if (!owned.remove(pageId)) {
                return;
            }
            if (owned.isEmpty() ? grid.remove(key, raw) : grid.replace(key, raw, String.join(",", owned))) {
                return;
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
