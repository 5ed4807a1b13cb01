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
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryScheduled;

/** Every event type of the pathway, by its stable logical name. Java class names never appear on the wire. */
public final class EventCatalog {

    public static final EventType<CaseOpened> CASE_OPENED =
            EventType.ofCase("ca.passerelle.intake.case-opened.v1", CaseOpened.class, Topics.INTAKE);

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

    public static final EventType<SurgeryScheduled> SURGERY_SCHEDULED =
            EventType.ofCase("ca.passerelle.travel.surgery-scheduled.v1", SurgeryScheduled.class, Topics.TRAVEL);
    public static final EventType<SurgeryCompleted> SURGERY_COMPLETED =
            EventType.ofCase("ca.passerelle.travel.surgery-completed.v1", SurgeryCompleted.class, Topics.TRAVEL);

    public static final EventType<RehabPlanCreated> REHAB_PLAN_CREATED =
            EventType.ofCase("ca.passerelle.rehab.rehab-plan-created.v1", RehabPlanCreated.class, Topics.REHAB);

    public static final EventType<FacilityApiStatusChanged> FACILITY_API_STATUS_CHANGED = new EventType<>(
            "ca.passerelle.facility.api-status-changed.v1", FacilityApiStatusChanged.class, Topics.FACILITY_STATUS,
            FacilityApiStatusChanged::dependency);

    private static final List<EventType<?>> ALL = List.of(CASE_OPENED, URGENT_REFERRAL_REQUIRED, CONSERVATIVE_CARE_VERIFIED,
            CONSERVATIVE_CARE_INSUFFICIENT, SURGERY_RECOMMENDED, SURGERY_NOT_INDICATED, SURGERY_SCHEDULED, SURGERY_COMPLETED,
            REHAB_PLAN_CREATED, FACILITY_API_STATUS_CHANGED);

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
