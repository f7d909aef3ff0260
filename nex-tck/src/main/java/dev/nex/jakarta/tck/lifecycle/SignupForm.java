package dev.nex.jakarta.tck.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;

/** A form bound with {@code @BeanParam}, constrained without {@code @MvcBinding} (SPEC 11.1), with a nested part. */
public class SignupForm {

    @FormParam("email")
    @NotBlank
    @Email
    public String email;

    /** Its message has markup characters: the answer must escape them. */
    @FormParam("name")
    @Size(min = 2, message = "needs <2> letters or more")
    public String name;

    @Valid
    @BeanParam
    public Address address;

    /** Nested in the form: validated through {@code @Valid}. */
    public static class Address {

        @FormParam("zip")
        @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
        public String zip;
    }
}
