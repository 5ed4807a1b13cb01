package ca.passerelle.intake.cases;

import java.util.Optional;

/** Where the bytes of documents attached to cases are kept (sealed to their case), apart from the case document. */
public interface CaseDocuments {

    /** Stores the bytes under a new document id of this case; no file name is stored. */
    void store(CaseId caseId, String documentId, byte[] content, String mediaType, String sha256);

    /** The bytes of a document of this case; empty when it is not this case's. */
    Optional<byte[]> read(CaseId caseId, String documentId);

    /** Removes bytes no case refers to (an attachment the case then refused). */
    void delete(String documentId);
}
