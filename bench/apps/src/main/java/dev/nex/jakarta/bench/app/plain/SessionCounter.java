package dev.nex.jakarta.bench.app.plain;

import jakarta.enterprise.context.SessionScoped;

import dev.nex.jakarta.bench.app.Counter;

/** Without Nex, the closest place for the counter: the HTTP session (shared by all tabs). */
@SessionScoped
public class SessionCounter extends Counter {

    private static final long serialVersionUID = 1L;
}
