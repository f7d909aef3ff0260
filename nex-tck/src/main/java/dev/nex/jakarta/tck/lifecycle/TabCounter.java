package dev.nex.jakarta.tck.lifecycle;

import java.io.Serializable;

import dev.nex.jakarta.PageScoped;

/** The state of one tab's counter. */
@PageScoped
public class TabCounter implements Serializable {

    private static final long serialVersionUID = 1L;

    private int count;

    public synchronized int get() {
        return count;
    }

    public synchronized int increment() {
        return ++count;
    }
}
