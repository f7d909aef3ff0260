package dev.nex.jakarta.impl.upload;

import java.io.IOException;

/**
 * A {@code multipart/form-data} body Nex refuses while it is read: an {@code IOException}, as the parser reading
 * the stream expects, with the client error status it stands for (400, 413 or 415).
 */
public class MultipartRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    MultipartRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
