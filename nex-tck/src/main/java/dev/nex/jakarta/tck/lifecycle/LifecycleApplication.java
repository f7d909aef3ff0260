package dev.nex.jakarta.tck.lifecycle;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** No CSRF property on purpose: Nex makes CSRF protection implicit (SPEC 7.6). */
@ApplicationPath("app")
public class LifecycleApplication extends Application {
}
