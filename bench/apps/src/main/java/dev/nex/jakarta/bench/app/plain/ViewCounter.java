package dev.nex.jakarta.bench.app.plain;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The Jakarta Faces way to the same counter: {@code @ViewScoped}, incremented by an ajax command. */
@Named
@ViewScoped
public class ViewCounter implements Serializable {

    private static final long serialVersionUID = 1L;
    private final AtomicInteger count = new AtomicInteger();

    public int getCount() {
        return count.get();
    }

    public void increment() {
        count.incrementAndGet();
    }
}
