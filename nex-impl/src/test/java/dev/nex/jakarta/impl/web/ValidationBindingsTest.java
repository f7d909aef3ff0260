package dev.nex.jakarta.impl.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

/** SPEC 11.1: which controllers keep their validation binding: those with a Bean Validation annotation anywhere. */
class ValidationBindingsTest {

    @Test
    void aClassWithoutAnyValidationAnnotationHasNone() {
        assertFalse(ValidationBindings.mentionsValidation(Plain.class));
        assertFalse(ValidationBindings.mentionsValidation(SelfBound.class), "a type variable bounded by itself");
    }

    @Test
    void constraintsAndCascadesAreFoundWhereverTheyAre() {
        assertTrue(ValidationBindings.mentionsValidation(OnParameter.class));
        assertTrue(ValidationBindings.mentionsValidation(OnTypeArgument.class));
        assertTrue(ValidationBindings.mentionsValidation(OnNestedTypeArgument.class));
        assertTrue(ValidationBindings.mentionsValidation(OnField.class));
        assertTrue(ValidationBindings.mentionsValidation(OnReturnValue.class));
        assertTrue(ValidationBindings.mentionsValidation(Cascading.class));
        assertTrue(ValidationBindings.mentionsValidation(InheritingOne.class), "from the superclass");
        assertTrue(ValidationBindings.mentionsValidation(ImplementingOne.class), "from an interface");
        assertTrue(ValidationBindings.mentionsValidation(WithCustomConstraint.class));
        assertTrue(ValidationBindings.mentionsValidation(WithRepeatedCustomConstraint.class));
    }

    @Constraint(validatedBy = {})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Even {
        String message() default "odd";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Evens {
        Even[] value();
    }

    static class Plain {
        String name;

        public String add(String name, List<Map<String, Integer>> counts) {
            return name;
        }
    }

    static class SelfBound {
        public <T extends Comparable<T>> String most(List<T> values) {
            return "";
        }
    }

    static class OnParameter {
        public String add(@NotBlank String name) {
            return name;
        }
    }

    static class OnTypeArgument {
        public String tag(List<@Size(max = 8) String> tags) {
            return "";
        }
    }

    static class OnNestedTypeArgument {
        public String tag(Map<String, List<@NotBlank String>> tags) {
            return "";
        }
    }

    static class OnField {
        @NotBlank
        String name;
    }

    static class OnReturnValue {
        @Size(max = 3)
        public String name() {
            return "";
        }
    }

    static class Cascading {
        public String add(@Valid Object form) {
            return "";
        }
    }

    static class InheritingOne extends OnField {
    }

    interface Constrained {
        String add(@NotBlank String name);
    }

    static class ImplementingOne implements Constrained {
        @Override
        public String add(String name) {
            return name;
        }
    }

    static class WithCustomConstraint {
        public String add(@Even int count) {
            return "";
        }
    }

    static class WithRepeatedCustomConstraint {
        @Evens({@Even, @Even})
        int count;
    }
}
