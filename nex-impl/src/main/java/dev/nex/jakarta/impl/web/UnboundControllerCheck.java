package dev.nex.jakarta.impl.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Runs {@link ControllerConstraints#checkUnbound()} as the application starts, where Open Liberty starts startup
 * beans before the web module: a failing one is a failed deployment there at once (see
 * {@link ControllerConstraints#checkUnboundAtStartup}).
 */
@Singleton
@Startup
public class UnboundControllerCheck {

    @Inject
    ControllerConstraints constraints;

    @PostConstruct
    void check() {
        constraints.checkUnbound();
    }
}
