package ca.passerelle.intake.cases;

/** The uploaded document is above the size limit: answered 413 {@value #PROBLEM}. */
public class DocumentTooLargeException extends RuntimeException {

    public static final String PROBLEM = "document-too-large";

    public DocumentTooLargeException(long maxBytes) {
        super("A document may hold at most " + maxBytes + " bytes (20 MB)");
    }
}
