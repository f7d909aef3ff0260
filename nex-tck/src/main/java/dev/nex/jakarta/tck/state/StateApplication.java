package dev.nex.jakarta.tck.state;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("app")
public class StateApplication extends Application {
}
