package ca.passerelle.dashboard.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.assessment.ConservativeCareInsufficient;
import ca.passerelle.events.assessment.ConservativeCareVerified;
import ca.passerelle.events.assessment.SurgeryNotIndicated;
import ca.passerelle.events.assessment.SurgeryRecommended;
import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.CaseClosed;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentChanged;
import ca.passerelle.events.intake.ConsentPurpose;
import ca.passerelle.events.intake.ConservativeCareCourse;
import ca.passerelle.events.intake.ConservativeCareSessionRecorded;
import ca.passerelle.events.intake.DocumentAttached;
import ca.passerelle.events.intake.ImagingRecorded;
import ca.passerelle.events.intake.RedFlagReported;
import ca.passerelle.events.intake.Symptoms;
import ca.passerelle.events.intake.SymptomsReported;
import ca.passerelle.events.rehab.AlertSeverity;
import ca.passerelle.events.rehab.FollowUpAlertAcknowledged;
import ca.passerelle.events.rehab.FollowUpAlertRaised;
import ca.passerelle.events.rehab.FollowUpRecorded;
import ca.passerelle.events.rehab.PhaseWindow;
import ca.passerelle.events.rehab.Progress;
import ca.passerelle.events.rehab.RehabClosure;
import ca.passerelle.events.rehab.RehabCompleted;
import ca.passerelle.events.rehab.RehabPhase;
import ca.passerelle.events.rehab.RehabPhaseAdvanced;
import ca.passerelle.events.rehab.RehabPlanCreated;
import ca.passerelle.events.travel.CancellationReason;
import ca.passerelle.events.travel.SurgeryCancelled;
import ca.passerelle.events.travel.SurgeryCompleted;
import ca.passerelle.events.travel.SurgeryOptionsOffered;
import ca.passerelle.events.travel.SurgeryRescheduled;
import ca.passerelle.events.travel.SurgeryScheduled;
import ca.passerelle.events.travel.SurgerySlotHeld;
import ca.passerelle.events.travel.TravelPlanUpdated;

/**
 * Reads each case event type of the catalogue as a {@link CaseFact}: the stage it moves the case to (if any), its French
 * status and timeline sentence, and the attributes it carries. Sentences carry codes and figures only, never free text
 * that could identify a patient.
 */
public final class CaseFacts {

    private CaseFacts() {
    }

    /** The fact of a case event whose payload is already read. */
    public static CaseFact of(EventEnvelope e, Object payload) {
        // intake
        if (payload instanceof CaseOpened p) {
            return opened(e, p);
        }
        if (payload instanceof ConservativeCareSessionRecorded p) {
            return session(e, p);
        }
        if (payload instanceof ImagingRecorded p) {
            String levels = p.study().levels() == null ? "" : ", " + p.study().levels();
            return CaseFact.of(p.caseId(), entry(e, "Imagerie ajoutée : " + p.study().modality() + " du "
                    + p.study().performedOn() + levels + ", " + p.study().findings().size() + " constat(s) codé(s)")).build();
        }
        if (payload instanceof SymptomsReported p) {
            return CaseFact.of(p.caseId(), entry(e, "Symptômes évalués le " + p.assessedOn() + " : " + scores(p.symptoms())))
                    .measurement(new Measurement(Measurement.Kind.PRE_OP, p.assessedOn(), p.symptoms().painNrs(),
                            p.symptoms().odiPercent(), null))
                    .build();
        }
        if (payload instanceof RedFlagReported p) {
            return CaseFact.of(p.caseId(), entry(e, "Signal d’alarme déclaré : " + codes(p.redFlags()))).redFlag().build();
        }
        if (payload instanceof ConsentChanged p) {
            return consentChanged(e, p);
        }
        if (payload instanceof DocumentAttached p) {
            return CaseFact.of(p.caseId(), entry(e, "Document joint : " + documentKind(p.kind()) + " (" + p.mediaType() + ", "
                    + Math.max(1, p.sizeBytes() / 1024) + " Ko)")).build();
        }
        if (payload instanceof CaseClosed p) {
            return caseClosed(e, p);
        }
        // assessment
        if (payload instanceof UrgentReferralRequired p) {
            String flags = codes(p.redFlags());
            // The pathway stops and coordinators must act: the dashboard raises the urgent alert itself (no service
            // emits an alert event for a red flag), codes only, at the time triage detected the flags.
            return CaseFact.of(p.caseId(), entry(e, "Orientation urgente : signaux d’alarme " + flags))
                    .closes(TerminalReason.URGENT_REFERRAL, null, "Fermé : orientation urgente (" + flags + ")")
                    .alert(Alert.urgentReferral(p.redFlags().stream().map(Enum::name).toList(), p.detectedAt())).build();
        }
        if (payload instanceof ConservativeCareInsufficient p) {
            String eligible = p.earliestEligibleOn() == null ? "" : " ; admissible au plus tôt le " + p.earliestEligibleOn();
            return CaseFact.of(p.caseId(), entry(e, "Traitement conservateur insuffisant : " + String.join(" ; ", p.missing()) + eligible))
                    .moves(Stage.CONSERVATIVE_CARE, "Retour au traitement conservateur" + eligible)
                    .missingCare(p.missing(), p.earliestEligibleOn()).build();
        }
        if (payload instanceof ConservativeCareVerified p) {
            return CaseFact.of(p.caseId(), entry(e, "Traitement conservateur vérifié : " + p.supervisedDays()
                    + " jours supervisés, " + p.sessions() + " séances"))
                    .moves(Stage.AWAITING_EVALUATION, "En attente de l’évaluation du spécialiste").build();
        }
        if (payload instanceof SurgeryRecommended p) {
            String category = category(p.category());
            return CaseFact.of(p.caseId(), entry(e, "Chirurgie recommandée : " + category))
                    .moves(Stage.SURGERY_SCHEDULING, "Recherche d’un créneau en France (" + category + ")").build();
        }
        if (payload instanceof SurgeryNotIndicated p) {
            return CaseFact.of(p.caseId(), entry(e, "Chirurgie non indiquée : " + p.reason()))
                    .closes(TerminalReason.NOT_A_CANDIDATE, null, "Fermé : non candidat à la chirurgie").build();
        }
        // travel
        if (payload instanceof SurgeryOptionsOffered p) {
            return optionsOffered(e, p);
        }
        if (payload instanceof SurgerySlotHeld p) {
            return CaseFact.of(p.caseId(), entry(e, "Créneau retenu à " + p.hospitalId() + " pour le " + p.surgeryOn()
                    + ", confirmation attendue avant le " + day(p.confirmBy())))
                    .moves(Stage.AWAITING_HOSPITAL_CONFIRMATION, "Confirmation de " + p.hospitalId() + " attendue (chirurgie le "
                            + p.surgeryOn() + ")")
                    .hospital(p.hospitalId()).surgeryOn(p.surgeryOn()).build();
        }
        if (payload instanceof SurgeryScheduled p) {
            String preOp = p.preOpConsultationOn() == null ? ""
                    : " (consultation préopératoire le " + p.preOpConsultationOn() + ")";
            return CaseFact.of(p.caseId(), entry(e, "Chirurgie planifiée le " + p.surgeryOn() + " à " + p.hospitalId() + preOp))
                    .moves(Stage.SURGERY_SCHEDULED, "Chirurgie planifiée le " + p.surgeryOn())
                    .hospital(p.hospitalId()).surgeryOn(p.surgeryOn()).build();
        }
        if (payload instanceof SurgeryRescheduled p) {
            return CaseFact.of(p.caseId(), entry(e, "Chirurgie reportée du " + p.previousSurgeryOn() + " au " + p.surgeryOn()
                    + " à " + p.hospitalId() + " (à l’initiative : " + initiator(p.initiatedBy()) + ")"))
                    .moves(Stage.SURGERY_SCHEDULED, "Chirurgie reportée au " + p.surgeryOn())
                    .hospital(p.hospitalId()).surgeryOn(p.surgeryOn()).build();
        }
        if (payload instanceof SurgeryCancelled p) {
            String reason = cancellation(p.reason());
            String where = p.hospitalId() == null ? "" : " à " + p.hospitalId();
            return CaseFact.of(p.caseId(), entry(e, "Chirurgie annulée" + where + " : " + reason + " (à l’initiative : "
                    + initiator(p.initiatedBy()) + ")"))
                    .moves(Stage.SURGERY_SCHEDULING, "Chirurgie annulée (" + reason + "), planification à reprendre")
                    .surgeryCancelled().build();
        }
        if (payload instanceof TravelPlanUpdated p) {
            return CaseFact.of(p.caseId(), entry(e, "Plan de voyage " + travelStatus(p.status()) + " : chirurgie le "
                    + (p.surgeryOn() == null ? "—" : p.surgeryOn().toString()) + ", aller " + orDash(p.outboundOn()) + ", retour " + orDash(p.returnOn()) + ", hébergement "
                    + (p.lodgingBooked() ? "réservé" : "à réserver") + ", " + p.missingDocuments() + " document(s) manquant(s)"))
                    .hospital(p.hospitalId()).travel(p.status(), p.missingDocuments()).build();
        }
        if (payload instanceof SurgeryCompleted p) {
            String discharge = p.dischargedOn() == null ? "" : ", sortie le " + p.dischargedOn();
            return CaseFact.of(p.caseId(), entry(e, "Chirurgie réalisée le " + p.performedOn() + " à " + p.hospitalId() + discharge))
                    .moves(Stage.REHABILITATION, "Chirurgie réalisée, réadaptation à planifier")
                    .hospital(p.hospitalId()).surgeryOn(p.performedOn()).surgeryDone().build();
        }
        // rehab
        if (payload instanceof RehabPlanCreated p) {
            RehabPhase first = p.phases().stream().map(PhaseWindow::phase).min(Comparator.naturalOrder())
                    .orElse(RehabPhase.INITIAL_IMMOBILISATION);
            return CaseFact.of(p.caseId(), entry(e, "Plan de réadaptation créé : " + p.phases().size() + " phases, "
                    + p.checkpoints().size() + " points de suivi"))
                    .moves(Stage.REHABILITATION, "Suivi de réadaptation en cours").rehabPhase(first).build();
        }
        if (payload instanceof RehabPhaseAdvanced p) {
            return CaseFact.of(p.caseId(), entry(e, "Réadaptation : " + phase(p.from()) + " → " + phase(p.to())))
                    .moves(Stage.REHABILITATION, "Suivi de réadaptation en cours, phase : " + phase(p.to()))
                    .rehabPhase(p.to()).build();
        }
        if (payload instanceof FollowUpRecorded p) {
            return followUp(e, p);
        }
        if (payload instanceof FollowUpAlertRaised p) {
            return CaseFact.of(p.caseId(), entry(e, "Alerte " + severity(p.severity()) + " (" + p.kind() + ") : " + p.reason()))
                    .alert(Alert.followUp(p.alertId(), p.kind(), p.severity(), p.reason(), p.raisedAt(), null, null)).build();
        }
        if (payload instanceof FollowUpAlertAcknowledged p) {
            return CaseFact.of(p.caseId(), entry(e, "Alerte prise en charge par " + p.acknowledgedBy()))
                    .alert(Alert.followUp(p.alertId(), null, null, null, null, p.acknowledgedAt(), p.acknowledgedBy())).build();
        }
        if (payload instanceof RehabCompleted p) {
            return rehabCompleted(e, p);
        }
        throw new IllegalArgumentException("not a case event: " + e.type());
    }

    /** The fact of a case event, reading its payload. */
    public static CaseFact of(EventEnvelope envelope) {
        return of(envelope, EventCodec.payload(envelope));
    }

    private static CaseFact opened(EventEnvelope e, CaseOpened opened) {
        String summary = "Dossier ouvert par " + opened.clinicId() + " : " + opened.diagnosisCode() + ", " + scores(opened.symptoms())
                + (opened.redFlags().isEmpty() ? "" : ", signaux d’alarme déclarés : " + codes(opened.redFlags()))
                + (opened.consents().crossBorderCommunication() ? "" : ", sans consentement à la communication hors Québec");
        CaseFact.Builder fact = CaseFact.of(opened.caseId(), entry(e, summary))
                .moves(Stage.TRIAGE, "Dossier ouvert, triage en cours")
                .opened(opened.clinicId(), opened.openedAt())
                .crossBorderConsent(opened.consents().careCoordination() && opened.consents().crossBorderCommunication())
                .measurement(new Measurement(Measurement.Kind.OPENING, LocalDate.ofInstant(opened.openedAt(), ZoneOffset.UTC),
                        opened.symptoms().painNrs(), opened.symptoms().odiPercent(), null));
        if (!opened.redFlags().isEmpty()) {
            fact.redFlag();
        }
        opened.conservativeCare().stream().map(ConservativeCareCourse::startedOn).min(Comparator.naturalOrder()).ifPresent(from ->
                fact.care(from, opened.conservativeCare().stream().map(ConservativeCareCourse::endedOn).max(Comparator.naturalOrder())
                        .orElse(from)));
        return fact.build();
    }

    private static CaseFact session(EventEnvelope e, ConservativeCareSessionRecorded s) {
        String duration = s.durationMinutes() == null ? "" : ", " + s.durationMinutes() + " min";
        return CaseFact.of(s.caseId(), entry(e, "Séance de traitement conservateur le " + s.performedOn() + " : "
                + modality(s.modality()) + duration + (s.supervised() ? ", supervisée" : ", non supervisée") + ", réponse : "
                + response(s.response().name())))
                .care(s.performedOn(), s.performedOn()).build();
    }

    private static CaseFact consentChanged(EventEnvelope e, ConsentChanged c) {
        String summary = (c.granted() ? "Consentement donné : " : "Consentement retiré : ") + purpose(c.purpose());
        CaseFact.Builder fact = CaseFact.of(c.caseId(), entry(e, summary)).crossBorderConsent(!c.stopsCrossBorder());
        if (c.stopsProcessing()) {
            fact.closes(TerminalReason.CONSENT_WITHDRAWN, null, "Fermé : consentement à la coordination des soins retiré");
        }
        return fact.build();
    }

    private static CaseFact caseClosed(EventEnvelope e, CaseClosed c) {
        String reason = closure(c.reason());
        TerminalReason terminal = c.reason() == ClosureReason.CONSENT_WITHDRAWN ? TerminalReason.CONSENT_WITHDRAWN
                : TerminalReason.CASE_CLOSED;
        return CaseFact.of(c.caseId(), entry(e, "Dossier fermé : " + reason))
                .closes(terminal, c.reason().name(), "Fermé : " + reason).build();
    }

    private static CaseFact optionsOffered(EventEnvelope e, SurgeryOptionsOffered o) {
        if (o.options().isEmpty()) {
            return CaseFact.of(o.caseId(), entry(e, "Aucun hôpital partenaire n’a de créneau : en attente de disponibilités"))
                    .moves(Stage.AWAITING_HOSPITAL_CHOICE, "Aucun hôpital disponible, en attente de disponibilités")
                    .offeredOptions(0).build();
        }
        String options = o.options().stream().map(option -> option.hospitalId() + " (dès le " + option.earliestSurgeryOn() + ")")
                .collect(Collectors.joining(", "));
        return CaseFact.of(o.caseId(), entry(e, o.options().size() + " option(s) proposée(s) : " + options))
                .moves(Stage.AWAITING_HOSPITAL_CHOICE, "Choix de l’hôpital attendu parmi " + o.options().size() + " option(s)")
                .offeredOptions(o.options().size()).build();
    }

    private static CaseFact followUp(EventEnvelope e, FollowUpRecorded f) {
        String checkpoint = f.checkpointDueOn() == null ? "hors point de suivi" : "point de suivi du " + f.checkpointDueOn();
        String summary = "Suivi du " + f.assessedOn() + " (" + checkpoint + ") : " + scores(f.symptoms()) + ", évolution : "
                + progress(f.progress()) + (f.complications() ? ", complications signalées" : "")
                + (f.redFlags().isEmpty() ? "" : ", signaux d’alarme : " + codes(f.redFlags()))
                + ", observance : " + f.adherence().name();
        return CaseFact.of(f.caseId(), entry(e, summary))
                .measurement(new Measurement(Measurement.Kind.FOLLOW_UP, f.assessedOn(), f.symptoms().painNrs(),
                        f.symptoms().odiPercent(), f.checkpointDueOn()))
                .build();
    }

    private static CaseFact rehabCompleted(EventEnvelope e, RehabCompleted r) {
        String last = r.lastProgress() == null ? "" : " (dernière évolution : " + progress(r.lastProgress()) + ")";
        if (!r.earlyClosure()) {
            return CaseFact.of(r.caseId(), entry(e, "Réadaptation terminée selon le plan" + last))
                    .closes(TerminalReason.REHAB_COMPLETED, r.closure().name(), "Fermé : réadaptation terminée").build();
        }
        String closure = rehabClosure(r.closure());
        TerminalReason terminal = r.closure() == RehabClosure.CONSENT_WITHDRAWN ? TerminalReason.CONSENT_WITHDRAWN
                : TerminalReason.REHAB_CLOSED_EARLY;
        return CaseFact.of(r.caseId(), entry(e, "Réadaptation close avant terme : " + closure + last))
                .closes(terminal, r.closure().name(), "Fermé : réadaptation close avant terme (" + closure + ")").build();
    }

    /** French name of a surgical category, as coordinators say it. */
    static String category(SurgicalCategory category) {
        return switch (category) {
            case SIMPLE_DECOMPRESSION -> "décompression simple";
            case FUSION -> "arthrodèse";
            case MOTION_PRESERVATION -> "préservation du mouvement";
        };
    }

    static String phase(RehabPhase phase) {
        return switch (phase) {
            case INITIAL_IMMOBILISATION -> "immobilisation initiale";
            case PROGRESSIVE_MOBILISATION -> "mobilisation progressive";
            case MUSCLE_STRENGTHENING -> "renforcement musculaire";
            case WELLBEING_MAINTENANCE -> "maintien du bien-être";
        };
    }

    private static String scores(Symptoms symptoms) {
        String odi = symptoms.odiPercent() == null ? "ODI non mesuré"
                : String.format(Locale.CANADA_FRENCH, "ODI %.0f %%", symptoms.odiPercent());
        return "douleur " + symptoms.painNrs() + "/10, " + odi;
    }

    private static String codes(List<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String modality(CareModality modality) {
        return switch (modality) {
            case PHYSIOTHERAPY -> "physiothérapie";
            case NEUROVERTEBRAL_DECOMPRESSION -> "décompression neurovertébrale";
            case MANUAL_THERAPY -> "thérapie manuelle";
            case TARGETED_MEDICATION -> "médication ciblée";
            case PSYCHOLOGICAL_SUPPORT -> "soutien psychologique";
            case EDUCATION -> "éducation thérapeutique";
            case OTHER -> "autre modalité";
        };
    }

    private static String response(String response) {
        return switch (response) {
            case "IMPROVED" -> "amélioration";
            case "UNCHANGED" -> "inchangé";
            case "WORSENED" -> "aggravation";
            default -> "non évaluée";
        };
    }

    private static String purpose(ConsentPurpose purpose) {
        return switch (purpose) {
            case CARE_COORDINATION -> "coordination des soins";
            case CROSS_BORDER_COMMUNICATION -> "communication des renseignements hors Québec";
            case RESEARCH -> "recherche";
        };
    }

    private static String documentKind(ca.passerelle.events.intake.DocumentKind kind) {
        return switch (kind) {
            case IMAGING_REPORT -> "compte rendu d’imagerie";
            case OPERATIVE_REPORT -> "compte rendu opératoire";
            case CONSULTATION_NOTE -> "note de consultation";
            case CONSENT_FORM -> "formulaire de consentement";
            case OTHER -> "autre document";
        };
    }

    private static String closure(ClosureReason reason) {
        return switch (reason) {
            case PATIENT_DECLINED -> "refus du patient";
            case CONSENT_WITHDRAWN -> "consentement retiré";
            case REFERRED_ELSEWHERE -> "orienté ailleurs";
            case DUPLICATE -> "doublon";
            case DECEASED -> "décès";
            case OTHER -> "autre motif";
        };
    }

    private static String rehabClosure(RehabClosure closure) {
        return switch (closure) {
            case PLAN_COMPLETED -> "plan terminé";
            case PATIENT_DECLINED -> "refus du patient";
            case CONSENT_WITHDRAWN -> "consentement retiré";
            case REFERRED_ELSEWHERE -> "orienté ailleurs";
            case LOST_TO_FOLLOW_UP -> "perdu de vue";
            case OTHER -> "autre motif";
        };
    }

    private static String cancellation(CancellationReason reason) {
        return switch (reason) {
            case COORDINATOR_DECISION -> "décision de la coordination";
            case HOSPITAL_UNAVAILABLE -> "hôpital indisponible";
            case CONSENT_WITHDRAWN -> "consentement retiré";
            case URGENT_REFERRAL -> "orientation urgente";
            case CASE_CLOSED -> "dossier fermé";
            case OTHER -> "autre motif";
        };
    }

    private static String initiator(ca.passerelle.events.travel.Initiator initiator) {
        if (initiator == null) {
            return "non précisée";
        }
        return switch (initiator) {
            case COORDINATOR -> "coordination";
            case HOSPITAL -> "hôpital";
            case PATHWAY -> "parcours";
            case OTHER -> "autre";
        };
    }

    private static String travelStatus(String status) {
        return switch (Objects.requireNonNullElse(status, "")) {
            case "IN_PREPARATION" -> "en préparation";
            case "READY" -> "prêt";
            case "CANCELLED" -> "annulé";
            default -> "mis à jour";
        };
    }

    private static String progress(Progress progress) {
        return switch (progress) {
            case IMPROVING -> "amélioration";
            case PLATEAU -> "plateau";
            case WORSENING -> "aggravation";
        };
    }

    private static String severity(AlertSeverity severity) {
        return switch (severity) {
            case URGENT -> "urgente";
            case HIGH -> "élevée";
            case MEDIUM -> "moyenne";
        };
    }

    private static String orDash(LocalDate date) {
        return date == null ? "à réserver" : date.toString();
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static TimelineEntry entry(EventEnvelope e, String summary) {
        return new TimelineEntry(e.id(), e.time(), e.type(), e.source(), e.sequence(), summary);
    }
}
