package ca.passerelle.intake.cases;

import java.util.Optional;

/** The cases intake holds. Writes go through the platform's aggregate store, so the raised events are published. */
public interface Cases {

    /** Stores a new case; {@link org.springframework.dao.DuplicateKeyException} when its idempotency key is already taken. */
    PatientCase insert(PatientCase opened);

    Optional<PatientCase> findById(CaseId id);

    Optional<PatientCase> findByIdempotencyKey(String key);
}
