package ca.passerelle.intake.cases;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.idempotency.RequestFingerprint;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;
import ca.passerelle.platform.web.InvalidInputException;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.intake.cases.Cases.CasePage;
import ca.passerelle.platform.web.RuleViolationException;

/**
 * Opens cases exactly once per idempotency key of a referring clinic and reads them back, within the caller's tenant: a
 * clinic opens and reads only its own cases, a coordinator opens on behalf of any clinic, coordinators and specialists
 * read every case. Another clinic's case is answered exactly like an unknown one. A clinic has at most one open case per
 * RAMQ number. Opening a case and every read of its identity are audited (who, what, which case, why; never a value).
 */
@Service
public class CaseIntakeService {

    private static final Logger log = LoggerFactory.getLogger(CaseIntakeService.class);
    public static final String KEY_REUSED = RequestFingerprint.KEY_REUSED;
    public static final String CLINIC_MISMATCH = "clinic-mismatch";
    public static final String CASE_RESOURCE = "case";
    public static final String OPENED = "case.opened";
    public static final String IDENTITY_READ = "case.identity.read";
    public static final String CARE_COORDINATION = "care-coordination";

    private final Cases cases;
    private final Clock clock;
    private final CaseIdGenerator ids;
    private final AuditTrail audit;

    public CaseIntakeService(Cases cases, Clock clock, CaseIdGenerator ids, AuditTrail audit) {
        this.cases = cases;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    /**
     * Opens a case for {@code submission.clinicId()}, or answers with the case an earlier identical request of that clinic
     * opened.
     *
     * @param caller a coordinator (any clinic) or a clinic (its own clinic only, else rule {@value #CLINIC_MISMATCH})
     * @param idempotencyKey null when the client sent none
     * @throws CaseAlreadyOpenException when the clinic already has an open case for this RAMQ number
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
        RamqNumber ramq = RamqNumber.parse(opened.patient().ramqNumber());
        if (cases.hasOpenCaseFor(clinic, ramq)) {
            return sameRequestOrAlreadyOpen(clinic, idempotencyKey);
        }
        try {
            PatientCase stored = cases.insert(opened);
            log.info("Case {} opened for clinic {} with RAMQ warnings {}", stored.id(), stored.clinicId(), stored.ramqWarnings());
            audit.record(caller, OPENED, CASE_RESOURCE, stored.id().value(), CARE_COORDINATION);
            return new OpenedCase(stored, false);
        } catch (DuplicateKeyException e) {
            // A concurrent request won a unique index: the same key (replay it) or the same patient (one open case).
            if (idempotencyKey != null && cases.findByIdempotencyKey(clinic, idempotencyKey).isPresent()
                    || cases.hasOpenCaseFor(clinic, ramq)) {
                return sameRequestOrAlreadyOpen(clinic, idempotencyKey);
            }
            throw e;
        }
    }

    /** The clinic's open case for this patient is the one this key opened (a retry that lost a race), or another one. */
    private OpenedCase sameRequestOrAlreadyOpen(String clinic, IdempotencyKey idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = cases.findByIdempotencyKey(clinic, idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotencyKey);
            }
        }
        log.info("Case refused for clinic {}: it already has an open case for this patient", clinic);
        throw new CaseAlreadyOpenException();
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

    /**
     * The case with its identity, if the caller may see its clinic's cases; another clinic's case is "not found", like an
     * unknown id. Each disclosure is audited once as {@value #IDENTITY_READ}.
     *
     * @throws CaseUnreadableException when the stored identity fails its integrity check (only to a caller who may see it)
     */
    public PatientCase get(Caller caller, CaseId id) {
        PatientCase found;
        try {
            found = cases.findById(id).filter(candidate -> caller.maySeeCasesOf(candidate.clinicId()))
                    .orElseThrow(() -> new NotFoundException("No such case"));
        } catch (CaseUnreadableException e) {
            if (!caller.maySeeCasesOf(e.clinicId())) {
                throw new NotFoundException("No such case");
            }
            throw e;
        }
        audit.record(caller, IDENTITY_READ, CASE_RESOURCE, found.id().value(), CARE_COORDINATION);
        return found;
    }

    /**
     * A page of the cases the caller may see, newest first: a clinic's own, or every clinic's for a coordinator or a
     * specialist; the page size is capped by the web layer ({@code passerelle.http.max-page-size}). The list is pseudonymous (no identity is opened for it), so it is not audited as an identity read.
     */
    public CasePage list(Caller caller, int page, int size) {
        if (page < 0 || size < 1) {
            throw new InvalidInputException("page is 0 or more and size 1 or more");
        }
        Optional<String> clinic = caller.has(Role.COORDINATOR) || caller.has(Role.SPECIALIST) ? Optional.empty()
                : Optional.of(caller.requiredClinicId());
        return cases.page(clinic, page, size);
    }

    /**
     * The patient's identity for a service that truly needs it (travel bookings), audited as {@value #IDENTITY_READ} with
     * the purpose the service states. Refused once care coordination was withdrawn or the case closed: nothing is processed
     * for the patient any more.
     */
    public Patient identityForService(Caller caller, CaseId id, String purpose) {
        PatientCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("No such case"));
        found.acceptsClinicalUpdates();
        audit.record(caller, IDENTITY_READ, CASE_RESOURCE, found.id().value(), purpose);
        return found.patient();
    }
}
