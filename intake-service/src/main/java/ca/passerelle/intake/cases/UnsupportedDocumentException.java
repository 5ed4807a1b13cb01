package ca.passerelle.intake.cases;

/** The uploaded content is not a PDF, JPEG or PNG (by its bytes): answered 415 {@value #PROBLEM}. */
public class UnsupportedDocumentException extends RuntimeException {

    public static final String PROBLEM = "unsupported-document-type";

    public UnsupportedDocumentException() {
        super("A document must be a PDF, JPEG or PNG file; its type is read from its content, not its name");
    }
}
