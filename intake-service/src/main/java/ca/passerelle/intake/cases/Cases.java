package ca.passerelle.intake.cases;

import java.util.Optional;

/** The cases intake holds. Writes go through the platform's aggregate store, so the raised events are published. */
public interface Cases {

    /** Stores a new case; {@link org.springframework.dao.DuplicateKeyException} when its clinic already used its idempotency key. */
    PatientCase insert(PatientCase opened);

    /** @throws CaseUnreadableException when the stored identity fails its integrity check */
    Optional<PatientCase> findById(CaseId id);

    /** Whether the clinic has an open case for this RAMQ number; answered from a keyed look-up value, never the number. */
    boolean hasOpenCaseFor(String clinicId, RamqNumber ramq);

    /** The case a clinic opened with this idempotency key, if any; keys of other clinics are never matched. */
    Optional<PatientCase> findByIdempotencyKey(String clinicId, IdempotencyKey key);
}
