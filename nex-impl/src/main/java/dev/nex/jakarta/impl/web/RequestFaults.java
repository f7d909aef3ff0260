package dev.nex.jakarta.impl.web;

import java.lang.reflect.Method;
import java.util.OptionalInt;

/**
 * Exceptions by which a JAX-RS runtime says the request was bad, and the 4xx it answers for them when no
 * application maps exceptions. Nex maps every exception (to give each error a body), so it must recognise these
 * itself: RESTEasy's {@code Failure} with a 4xx error code (an unparsable {@code Accept}, say), Jersey's
 * {@code HeaderValueException} for an inbound header, the {@code NullPointerException} of GlassFish's Jersey for a
 * multipart body that lacks a part a {@code @FormParam} reads, and Undertow's limits on the number of form
 * parameters and on the size of a body ({@code max-post-size}, 10 MB by default), wrapped in whatever reads the
 * body first. Anything else is a fault of the server.
 */
final class RequestFaults {

    private static final String RESTEASY_FAILURE = "org.jboss.resteasy.spi.Failure";
    private static final String JERSEY_HEADER_VALUE = "org.glassfish.jersey.message.internal.HeaderValueException";
    private static final String UNDERTOW_PARAMETER_LIMIT = "io.undertow.util.ParameterLimitException";
    private static final String UNDERTOW_BODY_LIMIT = "io.undertow.server.RequestTooBigException";
    /** Where Jersey fails on a multipart body without a part a {@code @FormParam} reads (GlassFish 7.0). */
    private static final String JERSEY_MULTIPART_PARAMETERS = "org.glassfish.jersey.media.multipart.internal.";

    private RequestFaults() {
    }

    /** The client error status {@code error}, or one of its causes, stands for, if it is one. */
    static OptionalInt statusOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            OptionalInt status = ownStatusOf(cause);
            if (status.isPresent()) {
                return status;
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt ownStatusOf(Throwable error) {
        if (error instanceof NullPointerException && error.getStackTrace().length > 0
                && error.getStackTrace()[0].getClassName().startsWith(JERSEY_MULTIPART_PARAMETERS)) {
            return OptionalInt.of(400); // the part is missing; Jersey elsewhere (Payara) passes null
        }
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            switch (type.getName()) {
                case RESTEASY_FAILURE -> {
                    Object code = call(error, "getErrorCode");
                    return code instanceof Integer status && status >= 400 && status < 500
                            ? OptionalInt.of(status) : OptionalInt.empty();
                }
                case JERSEY_HEADER_VALUE -> {
                    Object context = call(error, "getContext");
                    return context != null && context.toString().equals("INBOUND")
                            ? OptionalInt.of(400) : OptionalInt.empty();
                }
                case UNDERTOW_PARAMETER_LIMIT -> {
                    return OptionalInt.of(400);
                }
                case UNDERTOW_BODY_LIMIT -> {
                    return OptionalInt.of(413);
                }
                default -> {
                    // not one of them; its superclass may be
                }
            }
        }
        return OptionalInt.empty();
    }

    private static Object call(Object target, String getter) {
        try {
            Method method = target.getClass().getMethod(getter);
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
