package dev.nex.jakarta.tck.lifecycle;

import java.io.Serializable;

import jakarta.mvc.RedirectScoped;

/** A one-time message for the page a redirect leads to (SPEC 11.5): Jakarta MVC's redirect scope. */
@RedirectScoped
public class Flash implements Serializable {

    private static final long serialVersionUID = 1L;

    private String message = "";

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
