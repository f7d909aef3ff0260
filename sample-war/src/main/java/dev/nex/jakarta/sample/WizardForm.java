package dev.nex.jakarta.sample;

import java.io.Serializable;

import dev.nex.jakarta.PageScoped;

/** What a visitor typed into the wizard so far: temporary form data that lives as long as the page. */
@PageScoped
public class WizardForm implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int LAST_STEP = 3;

    private int step = 1;
    private String name = "";
    private String email = "";

    public synchronized int getStep() {
        return step;
    }

    public synchronized String getName() {
        return name;
    }

    public synchronized String getEmail() {
        return email;
    }

    /** Keeps what the current step's form sent (fields it does not have are left as they are). */
    public synchronized void keep(String typedName, String typedEmail) {
        if (typedName != null) {
            name = typedName.strip();
        }
        if (typedEmail != null) {
            email = typedEmail.strip();
        }
    }

    public synchronized void next() {
        step = Math.min(LAST_STEP, step + 1);
    }

    public synchronized void back() {
        step = Math.max(1, step - 1);
    }
}
