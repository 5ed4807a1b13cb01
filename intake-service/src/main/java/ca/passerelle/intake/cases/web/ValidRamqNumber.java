package ca.passerelle.intake.cases.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A RAMQ number that, once spaces are removed and letters upper-cased, has the RAMQ shape and a possible birth date. */
@Documented
@Constraint(validatedBy = RamqNumberValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidRamqNumber {

    String message() default "is not a valid RAMQ number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
