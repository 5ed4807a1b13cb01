package ca.passerelle.intake.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The cases intake holds. Writes go through the platform's aggregate store, so the raised events are published. */
public interface Cases {

    /** Stores a new case; {@link org.springframework.dao.DuplicateKeyException} when its clinic already used its idempotency key. */
    PatientCase insert(PatientCase opened);

    /**
     * Changes a case in one single-document save (state, history entry and outbox together), retried on a fresh copy when
     * another writer won; empty if there is no such case. What {@code change} throws leaves the case as it was.
     */
    Optional<PatientCase> update(CaseId id, Consumer<PatientCase> change);

    /** @throws CaseUnreadableException when the stored identity fails its integrity check */
    Optional<PatientCase> findById(CaseId id);

    /** Whether the clinic has an open case for this RAMQ number; answered from a keyed look-up value, never the number. */
    boolean hasOpenCaseFor(String clinicId, RamqNumber ramq);

    /** The case a clinic opened with this idempotency key, if any; keys of other clinics are never matched. */
    Optional<PatientCase> findByIdempotencyKey(String clinicId, IdempotencyKey key);

    /** One page of cases, newest first: of one clinic, or of every clinic when {@code clinicId} is empty. */
    CasePage page(Optional<String> clinicId, int page, int size);

    /** A page of cases and how many there are in all. */
    record CasePage(List<PatientCase> cases, long total) {
    }
}
