package ca.passerelle.intake.cases.protection;

/** A ciphertext did not open under its case and field: tampered, moved or sealed with a key no longer held. Says nothing of the value. */
public class ProtectionFailedException extends RuntimeException {

    public ProtectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
