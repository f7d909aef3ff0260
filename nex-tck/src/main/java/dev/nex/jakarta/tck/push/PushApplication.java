package dev.nex.jakarta.tck.push;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("app")
public class PushApplication extends Application {
}
