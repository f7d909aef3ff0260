package dev.nex.jakarta.impl.upload;

import java.util.Optional;

import jakarta.servlet.ServletRequest;

/**
 * Why a multipart body was refused, kept on its request: the JAX-RS runtime's parser may wrap or replace the
 * exception {@link MultipartScanner} threw, and the answer must still be the refusal's status.
 */
public final class MultipartRefusal {

    private static final String ATTRIBUTE = MultipartRefusal.class.getName();

    private MultipartRefusal() {
    }

    static void record(ServletRequest request, MultipartRefusedException refusal) {
        request.setAttribute(ATTRIBUTE, refusal);
    }

    /** The refusal of this request's multipart body, if it was refused. */
    public static Optional<MultipartRefusedException> of(ServletRequest request) {
        return Optional.ofNullable((MultipartRefusedException) request.getAttribute(ATTRIBUTE));
    }
}
