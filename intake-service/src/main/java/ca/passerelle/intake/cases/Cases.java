package ca.passerelle.intake.cases;

import java.util.Optional;

/** The cases intake holds. Writes go through the platform's aggregate store, so the raised events are published. */
public interface Cases {

    /** Stores a new case; {@link org.springframework.dao.DuplicateKeyException} when its clinic already used its idempotency key. */
    PatientCase insert(PatientCase opened);

    Optional<PatientCase> findById(CaseId id);

    /** The case a clinic opened with this idempotency key, if any; keys of other clinics are never matched. */
    Optional<PatientCase> findByIdempotencyKey(String clinicId, IdempotencyKey key);
}
