package dev.nex.jakarta.impl.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet request and response of the request this thread serves, as {@link PageRequestFilter} received them:
 * what a view engine forwards to a JSP. The injected {@code HttpServletRequest} is a CDI proxy that finds the
 * request again on every call, and a JSP forward makes dozens of calls (attributes, dispatcher type, paths).
 * Bound for the filter's call only, and removed afterwards so no container thread keeps them; a view written on
 * another thread (an asynchronous response) finds none.
 */
public final class ServletCalls {

    /** One request's servlet objects. */
    public record Call(HttpServletRequest request, HttpServletResponse response) {
    }

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private ServletCalls() {
    }

    /** The current call, or {@code null}. */
    public static Call current() {
        return CURRENT.get();
    }

    /** The bound request, else {@code injected}: the CDI or JAX-RS proxy that finds it again on every call. */
    public static HttpServletRequest requestOr(HttpServletRequest injected) {
        Call call = CURRENT.get();
        return call != null ? call.request() : injected;
    }

    /** The bound response, else {@code injected}. */
    public static HttpServletResponse responseOr(HttpServletResponse injected) {
        Call call = CURRENT.get();
        return call != null ? call.response() : injected;
    }

    /** Binds the call; returns the previous one for {@link #restore}. */
    static Call bind(HttpServletRequest request, HttpServletResponse response) {
        Call previous = CURRENT.get();
        CURRENT.set(new Call(request, response));
        return previous;
    }

    static void restore(Call previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
