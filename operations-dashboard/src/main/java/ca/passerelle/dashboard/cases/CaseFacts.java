package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.ConservativeCareInsufficient;
import ca.passerelle.events.assessment.ConservativeCareVerified;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryScheduled;

/** Reads each case event type as a {@link CaseFact}: the pathway stage it points to and its French status and summary. */
public final class CaseFacts {

    private CaseFacts() {
    }

    /** The fact of a case event whose payload is already read. */
    public static CaseFact of(EventEnvelope envelope, Object payload) {
        if (payload instanceof CaseOpened opened) {
            return opened(envelope, opened);
        }
        if (payload instanceof UrgentReferralRequired urgent) {
            return urgentReferral(envelope, urgent);
        }
        if (payload instanceof ConservativeCareInsufficient insufficient) {
            return conservativeCareInsufficient(envelope, insufficient);
        }
        if (payload instanceof ConservativeCareVerified verified) {
            return conservativeCareVerified(envelope, verified);
        }
        if (payload instanceof SurgeryRecommended recommended) {
            return surgeryRecommended(envelope, recommended);
        }
        if (payload instanceof SurgeryNotIndicated notIndicated) {
            return surgeryNotIndicated(envelope, notIndicated);
        }
        if (payload instanceof SurgeryScheduled scheduled) {
            return surgeryScheduled(envelope, scheduled);
        }
        if (payload instanceof SurgeryCompleted completed) {
            return surgeryCompleted(envelope, completed);
        }
        if (payload instanceof RehabPlanCreated plan) {
            return rehabPlanCreated(envelope, plan);
        }
        throw new IllegalArgumentException("not a case event: " + envelope.type());
    }

    /** The fact of a case event, reading its payload. */
    public static CaseFact of(EventEnvelope envelope) {
        return of(envelope, EventCodec.payload(envelope));
    }

    static CaseFact opened(EventEnvelope e, CaseOpened opened) {
        String odi = opened.symptoms().odiPercent() == null ? "ODI non mesuré"
                : String.format(Locale.CANADA_FRENCH, "ODI %.0f %%", opened.symptoms().odiPercent());
        String summary = "Dossier ouvert par " + opened.clinicId() + " : " + opened.diagnosisCode() + ", douleur "
                + opened.symptoms().painNrs() + "/10, " + odi
                + (opened.redFlags().isEmpty() ? "" : ", signaux d’alarme déclarés : " + opened.redFlags());
        return new CaseFact(opened.caseId(), entry(e, summary), Stage.INTAKE, "Dossier ouvert, en attente du triage", null,
                opened.clinicId(), opened.openedAt(), null);
    }

    static CaseFact urgentReferral(EventEnvelope e, UrgentReferralRequired urgent) {
        String flags = urgent.redFlags().stream().map(Enum::name).collect(Collectors.joining(", "));
        return new CaseFact(urgent.caseId(), entry(e, "Orientation urgente : signaux d’alarme " + flags), Stage.CLOSED,
                "Fermé : orientation urgente (" + flags + ")", TerminalReason.URGENT_REFERRAL, null, null, null);
    }

    static CaseFact conservativeCareInsufficient(EventEnvelope e, ConservativeCareInsufficient insufficient) {
        String eligible = insufficient.earliestEligibleOn() == null ? ""
                : " ; admissible au plus tôt le " + insufficient.earliestEligibleOn();
        return new CaseFact(insufficient.caseId(), entry(e, "Traitement conservateur insuffisant : "
                + String.join(" ; ", insufficient.missing()) + eligible), Stage.CONSERVATIVE_CARE,
                "Retour au traitement conservateur" + eligible, null, null, null, null);
    }

    static CaseFact conservativeCareVerified(EventEnvelope e, ConservativeCareVerified verified) {
        return new CaseFact(verified.caseId(), entry(e, "Traitement conservateur vérifié : " + verified.supervisedDays()
                + " jours supervisés, " + verified.sessions() + " séances"), Stage.AWAITING_EVALUATION,
                "En attente de l’évaluation du spécialiste", null, null, null, null);
    }

    static CaseFact surgeryRecommended(EventEnvelope e, SurgeryRecommended recommended) {
        String category = category(recommended.category());
        return new CaseFact(recommended.caseId(), entry(e, "Chirurgie recommandée : " + category), Stage.SURGERY_SCHEDULING,
                "Recherche d’un créneau en France (" + category + ")", null, null, null, null);
    }

    static CaseFact surgeryNotIndicated(EventEnvelope e, SurgeryNotIndicated notIndicated) {
        return new CaseFact(notIndicated.caseId(), entry(e, "Chirurgie non indiquée : " + notIndicated.reason()), Stage.CLOSED,
                "Fermé : non candidat à la chirurgie", TerminalReason.NOT_A_CANDIDATE, null, null, null);
    }

    static CaseFact surgeryScheduled(EventEnvelope e, SurgeryScheduled scheduled) {
        String preOp = scheduled.preOpConsultationOn() == null ? ""
                : " (consultation préopératoire le " + scheduled.preOpConsultationOn() + ")";
        return new CaseFact(scheduled.caseId(), entry(e, "Chirurgie planifiée le " + scheduled.surgeryOn() + " à "
                + scheduled.hospitalId() + preOp), Stage.SURGERY_SCHEDULED,
                "Chirurgie planifiée le " + scheduled.surgeryOn(), null, null, null, scheduled.hospitalId());
    }

    static CaseFact surgeryCompleted(EventEnvelope e, SurgeryCompleted completed) {
        String discharge = completed.dischargedOn() == null ? "" : ", sortie le " + completed.dischargedOn();
        return new CaseFact(completed.caseId(), entry(e, "Chirurgie réalisée le " + completed.performedOn() + " à "
                + completed.hospitalId() + discharge), Stage.REHABILITATION,
                "Chirurgie réalisée, réadaptation à planifier", null, null, null, completed.hospitalId());
    }

    static CaseFact rehabPlanCreated(EventEnvelope e, RehabPlanCreated plan) {
        return new CaseFact(plan.caseId(), entry(e, "Plan de réadaptation créé : " + plan.phases().size() + " phases, "
                + plan.checkpoints().size() + " points de suivi"), Stage.REHABILITATION, "Suivi de réadaptation en cours",
                null, null, null, null);
    }

    /** French name of a surgical category, as coordinators say it. */
    static String category(SurgicalCategory category) {
        return switch (category) {
            case SIMPLE_DECOMPRESSION -> "décompression simple";
            case FUSION -> "arthrodèse";
            case MOTION_PRESERVATION -> "préservation du mouvement";
        };
    }

    private static TimelineEntry entry(EventEnvelope e, String summary) {
        Instant at = e.time();
        return new TimelineEntry(e.id(), at, e.type(), e.source(), e.sequence(), summary);
    }
}
