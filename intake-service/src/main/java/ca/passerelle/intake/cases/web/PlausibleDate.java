package ca.passerelle.intake.cases.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date ({@code LocalDate}) or instant of a clinical fact: from 1900 to tomorrow (time zones), never the far past or future
 * a parser accepts but no record can hold. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = {PlausibleDateValidator.class, PlausibleInstantValidator.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    String message() default "must be a date from 1900 to today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
