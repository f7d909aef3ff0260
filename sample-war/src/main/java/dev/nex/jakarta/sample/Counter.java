package dev.nex.jakarta.sample;

import java.io.Serializable;

import dev.nex.jakarta.PageScoped;

/** A counter per page: each tab counts on its own, a refresh starts at zero. */
@PageScoped
public class Counter implements Serializable {

    private static final long serialVersionUID = 1L;

    private int count;

    public synchronized int getCount() {
        return count;
    }

    public synchronized int increment() {
        return ++count;
    }

    public synchronized int decrement() {
        return --count;
    }
}
