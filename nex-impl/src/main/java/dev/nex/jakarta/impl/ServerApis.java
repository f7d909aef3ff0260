package dev.nex.jakarta.impl;

/**
 * Which optional APIs the server shows the application (MicroProfile Health, OpenTelemetry): Nex loads the class
 * that uses one only where it is visible, so that it deploys unchanged on servers without it.
 */
public final class ServerApis {

    /** MicroProfile Health: the page store's readiness check. */
    public static final String MICROPROFILE_HEALTH = "org.eclipse.microprofile.health.HealthCheck";
    /** The OpenTelemetry API of MicroProfile Telemetry 2: the metrics. */
    public static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    private ServerApis() {
    }

    /** Whether {@code apiClass} can be loaded by Nex's (the application's) class loader, without loading it. */
    public static boolean visible(String apiClass) {
        try {
            Class.forName(apiClass, false, ServerApis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError notProvided) {
            return false;
        }
    }
}
