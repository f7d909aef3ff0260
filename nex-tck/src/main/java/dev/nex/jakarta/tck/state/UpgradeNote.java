package dev.nex.jakarta.tck.state;

import java.io.Serializable;

/** A value class of the application's first version, which the next version removes (SPEC 10.8). */
public record UpgradeNote(String text) implements Serializable {
}
