package ca.passerelle.intake.cases;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.web.RuleViolationException;

/** Opens cases exactly once per idempotency key and reads them back. */
@Service
public class CaseIntakeService {

    private static final Logger log = LoggerFactory.getLogger(CaseIntakeService.class);
    public static final String KEY_REUSED = "idempotency-key-reused";

    private final Cases cases;
    private final Clock clock;
    private final CaseIdGenerator ids;

    public CaseIntakeService(Cases cases, Clock clock, CaseIdGenerator ids) {
        this.cases = cases;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Opens a case, or answers with the case an earlier identical request opened.
     *
     * @param idempotencyKey null when the client sent none
     */
    public OpenedCase open(NewCase submission, IdempotencyKey idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = cases.findByIdempotencyKey(idempotencyKey.value());
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotencyKey);
            }
        }
        PatientCase opened = PatientCase.open(ids.next(), submission, idempotencyKey, clock);
        try {
            PatientCase stored = cases.insert(opened);
            log.info("Case {} opened for clinic {} with RAMQ warnings {}", stored.id(), stored.clinicId(), stored.ramqWarnings());
            return new OpenedCase(stored, false);
        } catch (DuplicateKeyException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // A concurrent retry with the same key won the unique index.
            return replay(cases.findByIdempotencyKey(idempotencyKey.value()).orElseThrow(() -> e), idempotencyKey);
        }
    }

    private static OpenedCase replay(PatientCase earlier, IdempotencyKey idempotencyKey) {
        if (!earlier.wasOpenedBy(idempotencyKey)) {
            throw new RuleViolationException(KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key for a new case");
        }
        return new OpenedCase(earlier, true);
    }

    public PatientCase get(CaseId id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("No case " + id.value()));
    }
}
