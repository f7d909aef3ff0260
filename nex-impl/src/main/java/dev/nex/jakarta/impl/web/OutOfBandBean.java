package dev.nex.jakarta.impl.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.RequestScoped;

import dev.nex.jakarta.OutOfBand;

/** The out-of-band fragments added for the current response, in order (SPEC 11.3). */
@RequestScoped
public class OutOfBandBean implements OutOfBand {

    /** One fragment: a view and its {@code hx-swap-oob} value. */
    record Fragment(String view, String swap) {
    }

    private final List<Fragment> fragments = new ArrayList<>(2);

    @Override
    public void add(String view) {
        add(view, "true");
    }

    @Override
    public synchronized void add(String view, String swap) {
        fragments.add(new Fragment(Objects.requireNonNull(view, "view"), Objects.requireNonNull(swap, "swap")));
    }

    synchronized List<Fragment> fragments() {
        return List.copyOf(fragments);
    }
}
