package ca.passerelle.dashboard.cases;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import ca.passerelle.dashboard.ReadModelChanged;
import ca.passerelle.platform.audit.AuditTrail;
import ca.passerelle.platform.messaging.AggregateStore;
import ca.passerelle.platform.security.Caller;

/**
 * The coordinator's acknowledgement of a case's urgent-referral alert. Unlike the rehab follow-up alerts (owned and
 * acknowledged by rehab-followup-service, which the dashboard calls with the coordinator's token), this alert is the
 * dashboard's own: no service emits an alert event for a red flag (assessment emits {@code UrgentReferralRequired} and
 * the case is closed), so the dashboard raises the alert in its projection and records its acknowledgement itself.
 * <p>
 * Once: the acknowledgement is claimed by inserting the case id into {@code urgent-referral-acknowledgements} (a second
 * acknowledgement, even concurrent, finds it and changes nothing), then carried into the summary, then written to the
 * platform's audit trail (who, when, which case).
 */
@Service
public class UrgentReferralService {

    /** The audit trail's action, resource type and purpose of an acknowledgement. */
    public static final String ACKNOWLEDGE_ACTION = "urgent-referral.acknowledge";
    public static final String RESOURCE_TYPE = "case";
    public static final String PURPOSE = "care-coordination";

    private static final Logger log = LoggerFactory.getLogger(UrgentReferralService.class);

    private final AggregateStore store;
    private final CaseSummaries summaries;
    private final UrgentReferralAcknowledgements acknowledgements;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    public UrgentReferralService(AggregateStore store, CaseSummaries summaries, UrgentReferralAcknowledgements acknowledgements,
            AuditTrail audit, Clock clock, ApplicationEventPublisher changes) {
        this.store = store;
        this.summaries = summaries;
        this.acknowledgements = acknowledgements;
        this.audit = audit;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Acknowledges the case's urgent-referral alert for this coordinator; acknowledging an acknowledged alert changes
     * nothing and audits nothing.
     *
     * @return the alert as it stands after the call, or empty when the case is unknown or has no urgent referral
     */
    public Optional<Acknowledged> acknowledge(Caller caller, String caseId) {
        Optional<CaseSummary> found = summaries.find(caseId);
        if (found.isEmpty() || found.get().urgentReferral().isEmpty()) {
            return Optional.empty();
        }
        // milliseconds, as MongoDB keeps them: the first answer is the one every later read gives
        UrgentReferralAcknowledgement mine = new UrgentReferralAcknowledgement(caseId, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                caller.subject());
        boolean first = acknowledgements.claim(mine);
        UrgentReferralAcknowledgement recorded = first ? mine : acknowledgements.find(caseId).orElse(mine);
        CaseSummary summary = found.get();
        if (summary.urgentReferral().orElseThrow().open()) {
            // also after a claim whose summary update was lost (the claim stays the one truth): carry it over now
            summary = store.update(CaseSummary.class, caseId, current -> current.acknowledgeUrgentReferral(recorded)).orElse(summary);
            changes.publishEvent(ReadModelChanged.ofCase(caseId));
        }
        if (first) {
            audit.record(caller, ACKNOWLEDGE_ACTION, RESOURCE_TYPE, caseId, PURPOSE);
            log.info("Urgent referral of case {} acknowledged by {}", caseId, caller.subject());
        }
        return Optional.of(new Acknowledged(summary.urgentReferral().orElseThrow(), first));
    }

    /**
     * @param alert the urgent-referral alert after the call
     * @param now whether this call acknowledged it (false: it was already acknowledged; nothing changed)
     */
    public record Acknowledged(Alert alert, boolean now) {
    }
}
