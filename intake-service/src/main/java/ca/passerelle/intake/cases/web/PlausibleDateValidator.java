package ca.passerelle.intake.cases.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link PlausibleDate} on a {@link LocalDate}. */
public class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, LocalDate> {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1));
    }
}
