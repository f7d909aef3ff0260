package ${package};

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The controllers answer at the context root. */
@ApplicationPath("/")
public class NexApplication extends Application {
}
