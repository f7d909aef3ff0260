package dev.nex.jakarta.bench.app.floor;

import jakarta.enterprise.context.SessionScoped;

import dev.nex.jakarta.bench.app.Counter;

/** The floors' counter, in the HTTP session, as the plain WAR's. */
@SessionScoped
public class FloorCounter extends Counter {

    private static final long serialVersionUID = 1L;
}
