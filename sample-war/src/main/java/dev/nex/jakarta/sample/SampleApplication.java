package dev.nex.jakarta.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's controllers answer at the context root: {@code /nex-sample/}. */
@ApplicationPath("/")
public class SampleApplication extends Application {
}
