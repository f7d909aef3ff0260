package dev.nex.jakarta.bench;

/** The bean method whose call cost is measured: one field increment, so the scope's lookup dominates. */
public abstract class Tally {

    private int count;

    public int increment() {
        return ++count;
    }
}
