package ca.passerelle.intake.cases;

/** A RAMQ number that breaks the pattern or encodes an impossible birth date: refused as bad input. */
public class InvalidRamqNumberException extends IllegalArgumentException {

    public InvalidRamqNumberException(String message) {
        super(message);
    }
}
