package dev.nex.jakarta.bench.app.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The floor WAR's resources under {@code /app}, as in the other two; no Krazo, no Nex. */
@ApplicationPath("app")
public class FloorApplication extends Application {
}
