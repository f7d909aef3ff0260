package dev.nex.jakarta.bench.app.nex;

import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.bench.app.Counter;

/** The counter of one page (tab). */
@PageScoped
public class PageCounter extends Counter {

    private static final long serialVersionUID = 1L;
}
