package dev.nex.jakarta.impl.page;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** The short plain-text answer to a bad page id (SPEC 3.3): never echoes what was presented (SPEC 3.5). */
public final class PlainRejection {

    private PlainRejection() {
    }

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }
}
