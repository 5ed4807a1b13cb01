package ca.passerelle.intake.cases;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * Opens cases exactly once per idempotency key of a referring clinic and reads them back, within the caller's tenant: a
 * clinic opens and reads only its own cases, a coordinator opens on behalf of any clinic, coordinators and specialists
 * read every case. Another clinic's case is answered exactly like an unknown one.
 */
@Service
public class CaseIntakeService {

    private static final Logger log = LoggerFactory.getLogger(CaseIntakeService.class);
    public static final String KEY_REUSED = "idempotency-key-reused";
    public static final String CLINIC_MISMATCH = "clinic-mismatch";

    private final Cases cases;
    private final Clock clock;
    private final CaseIdGenerator ids;

    public CaseIntakeService(Cases cases, Clock clock, CaseIdGenerator ids) {
        this.cases = cases;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Opens a case for {@code submission.clinicId()}, or answers with the case an earlier identical request of that clinic
     * opened.
     *
     * @param caller a coordinator (any clinic) or a clinic (its own clinic only, else rule {@value #CLINIC_MISMATCH})
     * @param idempotencyKey null when the client sent none
     */
    public OpenedCase open(Caller caller, NewCase submission, IdempotencyKey idempotencyKey) {
        if (!mayOpenFor(caller, submission.clinicId())) {
            throw new RuleViolationException(CLINIC_MISMATCH,
                    "A clinic opens cases for itself only: leave referringClinicId out or give the clinic of your account");
        }
        String clinic = submission.clinicId();
        if (idempotencyKey != null) {
            var earlier = cases.findByIdempotencyKey(clinic, idempotencyKey);
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
            return replay(cases.findByIdempotencyKey(clinic, idempotencyKey).orElseThrow(() -> e), idempotencyKey);
        }
    }

    private static boolean mayOpenFor(Caller caller, String clinic) {
        return caller.has(Role.COORDINATOR)
                || caller.has(Role.CLINIC) && caller.clinicId().filter(own -> own.equals(clinic)).isPresent();
    }

    private static OpenedCase replay(PatientCase earlier, IdempotencyKey idempotencyKey) {
        if (!earlier.wasOpenedBy(idempotencyKey)) {
            throw new RuleViolationException(KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key for a new case");
        }
        return new OpenedCase(earlier, true);
    }

    /** The case, if the caller may see its clinic's cases; another clinic's case is "not found", like an unknown id. */
    public PatientCase get(Caller caller, CaseId id) {
        return cases.findById(id).filter(found -> caller.maySeeCasesOf(found.clinicId()))
                .orElseThrow(() -> new NotFoundException("No such case"));
    }
}
