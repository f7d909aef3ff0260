package ${package};

import java.io.Serializable;

import dev.nex.jakarta.PageScoped;

/** One counter per page: each tab counts on its own, and a reload starts again at zero. */
@PageScoped
public class Counter implements Serializable {

    private static final long serialVersionUID = 1L;

    private int count;

    // htmx may send a page's actions in parallel
    public synchronized int getCount() {
        return count;
    }

    public synchronized int increment() {
        return ++count;
    }
}
