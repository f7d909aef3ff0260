package dev.nex.jakarta.sample;

import java.io.Serializable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.nex.jakarta.PageScoped;

/**
 * What a visitor typed into the wizard so far: temporary form data that lives as long as the page. Each step's
 * constraints are a validation group of their own; they sit on the getters, which a validator calls through the
 * CDI proxy it is given.
 */
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

    /** The constraints of step 1. */
    public interface NameStep {
    }

    /** The constraints of step 2. */
    public interface EmailStep {
    }

    /** Step 3, the summary: nothing to check. */
    public interface SummaryStep {
    }

    @NotBlank(groups = NameStep.class, message = "Please tell us your name")
    @Size(max = 80, groups = NameStep.class)
    public synchronized String getName() {
        return name;
    }

    @NotBlank(groups = EmailStep.class, message = "Please give an email address")
    @Email(groups = EmailStep.class, message = "This is not an email address")
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

    /** The validation group of the current step (the summary has none to check). */
    public synchronized Class<?> stepConstraints() {
        return step == 1 ? NameStep.class : step == 2 ? EmailStep.class : SummaryStep.class;
    }

    public synchronized void next() {
        step = Math.min(LAST_STEP, step + 1);
    }

    public synchronized void back() {
        step = Math.max(1, step - 1);
    }
}
