package dev.nex.jakarta;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * The messages of a form's fields, to show next to where the user typed (SPEC 11.2). A map from field name to
 * its first message, so a view reads {@code ${errors.email}} (JSP EL and Thymeleaf alike); {@link #all} has every
 * message of a field. An action answers the form fragment again with its errors and the values typed, with
 * status 422, which the page script makes htmx swap into the form's target ({@link NexConfig#SWAP_STATUSES}):
 * <pre>{@code
 * @POST @Path("next")
 * public Response next(@FormParam("email") String email) {
 *     form.keep(email);                                       // the typed value, shown again
 *     FormErrors errors = FormErrors.of(validator.validate(form, StepTwo.class));
 *     if (!errors.isEmpty()) {
 *         models.put("errors", errors);
 *         return Response.status(422).entity("wizard-step.jsp").build();
 *     }
 *     ...
 * }
 *
 * <input id="email" name="email" value="${mvc.encoders.html(wizard.email)}">
 * <span class="error">${mvc.encoders.html(errors.email)}</span>
 * }</pre>
 * With Jakarta MVC's {@code @MvcBinding} and {@code BindingResult}:
 * {@code FormErrors.of(bindingResult.getAllErrors(), ParamError::getParamName, ParamError::getMessage)}.
 */
public final class FormErrors extends AbstractMap<String, String> {

    private static final FormErrors NONE = new FormErrors(Map.of());

    private final Map<String, List<String>> byField;
    private final Map<String, String> first;

    private FormErrors(Map<String, List<String>> byField) {
        this.byField = byField;
        Map<String, String> firsts = new LinkedHashMap<>();
        byField.forEach((field, messages) -> firsts.put(field, messages.get(0)));
        this.first = Collections.unmodifiableMap(firsts);
    }

    /**
     * No errors.
     *
     * @return an empty instance
     */
    public static FormErrors none() {
        return NONE;
    }

    /**
     * The messages of Bean Validation's {@code violations}, each under the name of the property it concerns (the
     * last node of its path: {@code email} for {@code form.email}), in the order of the set.
     *
     * @param violations what {@code Validator.validate} returned
     * @return the errors by field
     */
    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations) {
        return of(violations, FormErrors::propertyOf, ConstraintViolation::getMessage);
    }

    /**
     * The messages of any kind of {@code errors}.
     *
     * @param errors  the errors, in the order to show them
     * @param field   the field an error concerns
     * @param message its message
     * @param <E>     the kind of error
     * @return the errors by field
     */
    public static <E> FormErrors of(Iterable<? extends E> errors, Function<? super E, String> field,
                                    Function<? super E, String> message) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (E error : errors) {
            byField.computeIfAbsent(field.apply(error), f -> new ArrayList<>()).add(message.apply(error));
        }
        if (byField.isEmpty()) {
            return NONE;
        }
        byField.replaceAll((f, messages) -> List.copyOf(messages));
        return new FormErrors(Collections.unmodifiableMap(byField));
    }

    /**
     * Every message of {@code field}.
     *
     * @param field a field name
     * @return its messages, empty if it has none
     */
    public List<String> all(String field) {
        return byField.getOrDefault(field, List.of());
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return first.entrySet();
    }

    private static String propertyOf(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
