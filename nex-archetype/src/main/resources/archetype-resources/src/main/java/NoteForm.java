package ${package};

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The note form, and what a note must be (Bean Validation). */
public class NoteForm {

    static final String RULE = "Write a note of 1 to 200 characters.";

    @FormParam("note")
    @NotBlank(message = RULE)
    @Size(max = 200, message = RULE)
    public String note;
}
