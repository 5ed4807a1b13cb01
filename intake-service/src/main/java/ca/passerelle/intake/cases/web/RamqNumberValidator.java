package ca.passerelle.intake.cases.web;

import ca.passerelle.intake.cases.InvalidRamqNumberException;
import ca.passerelle.intake.cases.RamqNumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Asks the domain's {@link RamqNumber} and reports its reason as the field error; blank is left to {@code @NotBlank}. */
public class RamqNumberValidator implements ConstraintValidator<ValidRamqNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            RamqNumber.parse(value);
            return true;
        } catch (InvalidRamqNumberException e) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(e.getMessage().replace("{", "(").replace("}", ")")).addConstraintViolation();
            return false;
        }
    }
}
