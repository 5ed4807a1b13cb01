package ca.passerelle.intake.cases.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link PlausibleDate} on an {@link Instant}. */
public class PlausibleInstantValidator implements ConstraintValidator<PlausibleDate, Instant> {

    private static final Instant EARLIEST = PlausibleDateValidator.EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC);

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        return value == null || !value.isBefore(EARLIEST) && !value.isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
    }
}
