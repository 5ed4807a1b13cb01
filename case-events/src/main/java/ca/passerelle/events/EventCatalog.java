package ca.passerelle.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import ca.passerelle.events.assessment.ConservativeCareInsufficient;
import ca.passerelle.events.assessment.ConservativeCareVerified;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.facility.FacilityApiStatusChanged;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.DocumentAttached;
import ca.passerelle.events.intake.ImagingRecorded;
import ca.passerelle.events.intake.RedFlagReported;
import ca.passerelle.events.intake.SymptomsReported;
import ca.passerelle.events.rehab.FollowUpAlertAcknowledged;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.FollowUpRecorded;
import ca.passerelle.events.rehab.RehabCompleted;
import ca.passerelle.events.rehab.RehabPhaseAdvanced;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryCancelled;
import ca.passerelle.events.travel.SurgeryOptionsOffered;
import ca.passerelle.events.travel.SurgeryRescheduled;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.events.travel.SurgerySlotHeld;
import ca.passerelle.events.travel.TravelPlanUpdated;

/** Every event type of the pathway, by its stable logical name. Java class names never appear on the wire. */
public final class EventCatalog {

    public static final EventType<CaseOpened> CASE_OPENED =
            EventType.ofCase("ca.passerelle.intake.case-opened.v2", CaseOpened.class, Topics.INTAKE);

    public static final EventType<ConservativeCareSessionRecorded> CONSERVATIVE_CARE_SESSION_RECORDED = EventType.ofCase(
            "ca.passerelle.intake.conservative-care-session-recorded.v1", ConservativeCareSessionRecorded.class, Topics.INTAKE);
    public static final EventType<ImagingRecorded> IMAGING_RECORDED =
            EventType.ofCase("ca.passerelle.intake.imaging-recorded.v1", ImagingRecorded.class, Topics.INTAKE);
    public static final EventType<SymptomsReported> SYMPTOMS_REPORTED =
            EventType.ofCase("ca.passerelle.intake.symptoms-reported.v1", SymptomsReported.class, Topics.INTAKE);
    public static final EventType<RedFlagReported> RED_FLAG_REPORTED =
            EventType.ofCase("ca.passerelle.intake.red-flag-reported.v1", RedFlagReported.class, Topics.INTAKE);
    public static final EventType<ConsentChanged> CONSENT_CHANGED =
            EventType.ofCase("ca.passerelle.intake.consent-changed.v1", ConsentChanged.class, Topics.INTAKE);
    public static final EventType<DocumentAttached> DOCUMENT_ATTACHED =
            EventType.ofCase("ca.passerelle.intake.document-attached.v1", DocumentAttached.class, Topics.INTAKE);
    public static final EventType<CaseClosed> CASE_CLOSED =
            EventType.ofCase("ca.passerelle.intake.case-closed.v1", CaseClosed.class, Topics.INTAKE);

    public static final EventType<UrgentReferralRequired> URGENT_REFERRAL_REQUIRED =
            EventType.ofCase("ca.passerelle.assessment.urgent-referral-required.v1", UrgentReferralRequired.class, Topics.ASSESSMENT);
    public static final EventType<ConservativeCareVerified> CONSERVATIVE_CARE_VERIFIED =
            EventType.ofCase("ca.passerelle.assessment.conservative-care-verified.v1", ConservativeCareVerified.class, Topics.ASSESSMENT);
    public static final EventType<ConservativeCareInsufficient> CONSERVATIVE_CARE_INSUFFICIENT =
            EventType.ofCase("ca.passerelle.assessment.conservative-care-insufficient.v1", ConservativeCareInsufficient.class, Topics.ASSESSMENT);
    public static final EventType<SurgeryRecommended> SURGERY_RECOMMENDED =
            EventType.ofCase("ca.passerelle.assessment.surgery-recommended.v1", SurgeryRecommended.class, Topics.ASSESSMENT);
    public static final EventType<SurgeryNotIndicated> SURGERY_NOT_INDICATED =
            EventType.ofCase("ca.passerelle.assessment.surgery-not-indicated.v1", SurgeryNotIndicated.class, Topics.ASSESSMENT);

    public static final EventType<SurgeryOptionsOffered> SURGERY_OPTIONS_OFFERED =
            EventType.ofCase("ca.passerelle.travel.surgery-options-offered.v1", SurgeryOptionsOffered.class, Topics.TRAVEL);
    public static final EventType<SurgerySlotHeld> SURGERY_SLOT_HELD =
            EventType.ofCase("ca.passerelle.travel.surgery-slot-held.v1", SurgerySlotHeld.class, Topics.TRAVEL);
    public static final EventType<SurgeryRescheduled> SURGERY_RESCHEDULED =
            EventType.ofCase("ca.passerelle.travel.surgery-rescheduled.v1", SurgeryRescheduled.class, Topics.TRAVEL);
    public static final EventType<SurgeryCancelled> SURGERY_CANCELLED =
            EventType.ofCase("ca.passerelle.travel.surgery-cancelled.v1", SurgeryCancelled.class, Topics.TRAVEL);
    public static final EventType<TravelPlanUpdated> TRAVEL_PLAN_UPDATED =
            EventType.ofCase("ca.passerelle.travel.travel-plan-updated.v1", TravelPlanUpdated.class, Topics.TRAVEL);
    public static final EventType<SurgeryScheduled> SURGERY_SCHEDULED =
            EventType.ofCase("ca.passerelle.travel.surgery-scheduled.v1", SurgeryScheduled.class, Topics.TRAVEL);
    public static final EventType<SurgeryCompleted> SURGERY_COMPLETED =
            EventType.ofCase("ca.passerelle.travel.surgery-completed.v1", SurgeryCompleted.class, Topics.TRAVEL);

    public static final EventType<RehabPlanCreated> REHAB_PLAN_CREATED =
            EventType.ofCase("ca.passerelle.rehab.rehab-plan-created.v1", RehabPlanCreated.class, Topics.REHAB);
    public static final EventType<FollowUpRecorded> FOLLOW_UP_RECORDED =
            EventType.ofCase("ca.passerelle.rehab.follow-up-recorded.v1", FollowUpRecorded.class, Topics.REHAB);
    public static final EventType<RehabPhaseAdvanced> REHAB_PHASE_ADVANCED =
            EventType.ofCase("ca.passerelle.rehab.rehab-phase-advanced.v1", RehabPhaseAdvanced.class, Topics.REHAB);
    public static final EventType<FollowUpAlertRaised> FOLLOW_UP_ALERT_RAISED =
            EventType.ofCase("ca.passerelle.rehab.follow-up-alert-raised.v1", FollowUpAlertRaised.class, Topics.REHAB);
    public static final EventType<FollowUpAlertAcknowledged> FOLLOW_UP_ALERT_ACKNOWLEDGED = EventType.ofCase(
            "ca.passerelle.rehab.follow-up-alert-acknowledged.v1", FollowUpAlertAcknowledged.class, Topics.REHAB);
    public static final EventType<RehabCompleted> REHAB_COMPLETED =
            EventType.ofCase("ca.passerelle.rehab.rehab-completed.v1", RehabCompleted.class, Topics.REHAB);

    public static final EventType<FacilityApiStatusChanged> FACILITY_API_STATUS_CHANGED = new EventType<>(
            "ca.passerelle.facility.api-status-changed.v1", FacilityApiStatusChanged.class, Topics.FACILITY_STATUS,
            FacilityApiStatusChanged::dependency);

    private static final List<EventType<?>> ALL = List.of(CASE_OPENED, CONSERVATIVE_CARE_SESSION_RECORDED, IMAGING_RECORDED,
            SYMPTOMS_REPORTED, RED_FLAG_REPORTED, CONSENT_CHANGED, DOCUMENT_ATTACHED, CASE_CLOSED, URGENT_REFERRAL_REQUIRED,
            CONSERVATIVE_CARE_VERIFIED, CONSERVATIVE_CARE_INSUFFICIENT, SURGERY_RECOMMENDED, SURGERY_NOT_INDICATED,
            SURGERY_OPTIONS_OFFERED, SURGERY_SLOT_HELD, SURGERY_SCHEDULED, SURGERY_RESCHEDULED, SURGERY_CANCELLED,
            TRAVEL_PLAN_UPDATED, SURGERY_COMPLETED, REHAB_PLAN_CREATED, FOLLOW_UP_RECORDED, REHAB_PHASE_ADVANCED,
            FOLLOW_UP_ALERT_RAISED, FOLLOW_UP_ALERT_ACKNOWLEDGED, REHAB_COMPLETED, FACILITY_API_STATUS_CHANGED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_PAYLOAD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @SuppressWarnings("unchecked")
    public static <T> EventType<T> forPayload(T payload) {
        EventType<?> type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("No event type for payload " + payload.getClass().getSimpleName());
        }
        return (EventType<T>) type;
    }
}
