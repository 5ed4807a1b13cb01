package ca.passerelle.assessment.evaluation;

import static ca.passerelle.assessment.evaluation.Cases.NOW;
import static ca.passerelle.assessment.evaluation.Cases.aCase;
import static ca.passerelle.assessment.evaluation.Cases.course;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.messaging.OutboxEntry;
import ca.passerelle.platform.web.RuleViolationException;

class AssessmentTest {

    private final ConservativeCarePolicy policy = ConservativeCarePolicy.defaults();
    private static final String SPECIALIST = "specialiste";
    private final Instant later = Instant.parse("2026-11-09T10:30:00Z");
    private final Instant evenLater = Instant.parse("2026-11-10T10:30:00Z");

    private Assessment opened(Cases aCase) {
        Assessment assessment = new Assessment("c-1");
        assessment.open(aCase.build(), policy, NOW);
        return assessment;
    }

    private void recommend(Assessment assessment) {
        assessment.evaluate(SpecialistDecision.SIMPLE_DECOMPRESSION, List.of(FbssCause.EPIDURAL_FIBROSIS), "compression", SPECIALIST, policy, later);
    }

    private static List<String> types(Assessment assessment) {
        return assessment.pendingEvents().stream().map(OutboxEntry::type).toList();
    }

    /** A supervised session on {@code day} of November 2026. */
    private static CareSession session(String id, CareModality modality, int day) {
        return new CareSession(id, modality, LocalDate.of(2026, 11, day), true, Instant.parse("2026-11-%02dT18:00:00Z".formatted(day)));
    }

    @Test
    void escalatesAnyRedFlagAtOnceWithoutVerifyingCare() {
        Assessment assessment = opened(aCase().withRedFlag(RedFlag.CAUDA_EQUINA));

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(assessment.redFlags()).containsExactly(RedFlag.CAUDA_EQUINA);
        assertThat(assessment.verification()).isNull();
        assertThat(types(assessment)).containsExactly(EventCatalog.URGENT_REFERRAL_REQUIRED.name());
        assertThat(assessment.gating().missing()).containsExactly(Gating.RED_FLAG_REPORTED, Gating.CARE_NOT_VERIFIED, Gating.EVALUATION_MISSING);
    }

    @Test
    void refusesAnEvaluationOnceUrgentlyReferred() {
        Assessment assessment = opened(aCase().withRedFlag(RedFlag.SUSPECTED_INFECTION));

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.FUSION, List.of(), "stable", SPECIALIST, policy, later))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).rule()).isEqualTo("assessment-not-awaiting-evaluation"));
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(types(assessment)).hasSize(1);
    }

    @Test
    void awaitsEvaluationOnceCareIsVerified() {
        Assessment assessment = opened(aCase());

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_EVALUATION);
        assertThat(assessment.suggestion().category()).isNotNull();
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        assertThat(assessment.gating().holds()).containsExactly(Gating.NO_RED_FLAG, Gating.CARE_COORDINATION_CONSENT, Gating.CARE_VERIFIED,
                Gating.CROSS_BORDER_CONSENT, Gating.CASE_OPEN);
        assertThat(assessment.gating().missing()).containsExactly(Gating.EVALUATION_MISSING);
    }

    @Test
    void sendsTheCaseBackToConservativeCareWhenInsufficient() {
        Assessment assessment = opened(aCase().withCare(course(CareModality.PHYSIOTHERAPY, "2026-09-18", "2026-11-02", 20)));

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT);
        assertThat(assessment.verification().unmet()).containsExactly(Shortfall.DURATION, Shortfall.MODALITIES);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());
    }

    @Test
    void keepsAnEvaluationMadeBeforeVerificationAndRecommendsOnceCareIsVerified() {
        Assessment assessment = opened(aCase().withCare(course(CareModality.PHYSIOTHERAPY, "2026-07-01", "2026-10-30", 20)));
        recommend(assessment);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT);
        assertThat(assessment.gating().missing()).containsExactly(Gating.CARE_NOT_VERIFIED);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());

        assessment.recordSession(session("s-1", CareModality.MANUAL_THERAPY, 5), policy, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(assessment.pendingEvents()).extracting(OutboxEntry::type, OutboxEntry::sequence).containsExactly(
                Tuple.tuple(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), 1L),
                Tuple.tuple(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), 2L),
                Tuple.tuple(EventCatalog.SURGERY_RECOMMENDED.name(), 3L));
    }

    @Test
    void publishesAVerdictOnlyWhenItChanges() {
        Assessment assessment = opened(aCase().withCare(course(CareModality.PHYSIOTHERAPY, "2026-10-01", "2026-10-30", 20)));

        assessment.recordSession(session("s-1", CareModality.PHYSIOTHERAPY, 3), policy, later);
        assessment.recordSession(session("s-2", CareModality.MANUAL_THERAPY, 4), policy, later);

        assertThat(assessment.verification().unmet()).containsExactly(Shortfall.DURATION);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());
    }

    @Test
    void countsTheSameSessionRecordedTwiceOnce() {
        Assessment assessment = opened(aCase());
        assessment.recordSession(session("s-1", CareModality.PHYSIOTHERAPY, 3), policy, later);
        CareVerification before = assessment.verification();

        assessment.recordSession(session("s-1", CareModality.PHYSIOTHERAPY, 3), policy, evenLater);

        assertThat(assessment.sessions()).hasSize(1);
        assertThat(assessment.verification()).isEqualTo(before);
        assertThat(assessment.updatedAt()).isEqualTo(later);
    }

    @Test
    void neverRecommendsSurgeryAfterARedFlagWhateverArrives() {
        Assessment assessment = opened(aCase());
        assessment.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA), policy, later);

        assertThatThrownBy(() -> recommend(assessment)).isInstanceOf(RuleViolationException.class);
        assessment.recordSession(session("s-1", CareModality.PHYSIOTHERAPY, 10), policy, evenLater);
        assessment.changeConsents(Cases.ALL_CONSENTS, evenLater, policy, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.URGENT_REFERRAL_REQUIRED.name());
    }

    @Test
    void escalatesARedFlagReportedAfterTheRecommendation() {
        Assessment assessment = opened(aCase());
        recommend(assessment);

        assessment.reportRedFlags(List.of(RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT), policy, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(assessment.surgeryRecommended()).as("published before the red flag, and it stays said").isTrue();
        assertThat(assessment.gating().missing()).containsExactly(Gating.RED_FLAG_REPORTED);
        assertThat(types(assessment)).last().isEqualTo(EventCatalog.URGENT_REFERRAL_REQUIRED.name());
    }

    @Test
    void waitsForCrossBorderConsentAndRecommendsWhenItIsGiven() {
        Assessment assessment = opened(aCase().withoutCrossBorderConsent());
        recommend(assessment);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_CONSENT);
        assertThat(assessment.gating().missing()).containsExactly(Gating.CROSS_BORDER_CONSENT_MISSING);
        assertThat(types(assessment)).doesNotContain(EventCatalog.SURGERY_RECOMMENDED.name());

        assessment.changeConsents(Cases.ALL_CONSENTS, evenLater, policy, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(types(assessment)).last().isEqualTo(EventCatalog.SURGERY_RECOMMENDED.name());
    }

    @Test
    void ignoresAnOlderConsentChangeArrivingLate() {
        Assessment assessment = opened(aCase());
        assessment.changeConsents(new ConsentGrants(true, false, false), later, policy, later);

        assessment.changeConsents(Cases.ALL_CONSENTS, later.minusSeconds(60), policy, evenLater);
        recommend(assessment);

        assertThat(assessment.gating().missing()).containsExactly(Gating.CROSS_BORDER_CONSENT_MISSING);
    }

    @Test
    void pausesEverythingWhileConsentToCareCoordinationIsWithdrawnAndResumesWhenGivenAgain() {
        Assessment assessment = opened(aCase().withCare(course(CareModality.PHYSIOTHERAPY, "2026-07-01", "2026-10-30", 20)));
        assessment.changeConsents(new ConsentGrants(false, false, false), later, policy, later);

        assessment.recordSession(session("s-1", CareModality.MANUAL_THERAPY, 9), policy, later);
        assessment.reportRedFlags(List.of(RedFlag.SUSPECTED_FRACTURE), policy, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.PAUSED);
        assertThatThrownBy(() -> recommend(assessment)).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).rule()).isEqualTo("assessment-paused"));
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());

        assessment.changeConsents(Cases.ALL_CONSENTS, evenLater, policy, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(),
                EventCatalog.URGENT_REFERRAL_REQUIRED.name());
    }

    @Test
    void keepsFactsThatArriveBeforeTheCaseIsOpenedAndAppliesThemOnOpening() {
        Assessment assessment = new Assessment("c-1");
        assessment.recordImaging(new Imaging("CT", LocalDate.of(2026, 10, 1), List.of(RadiologicalFinding.INSTABILITY), "L4-L5"), policy, NOW);
        assessment.changeConsents(new ConsentGrants(true, false, false), NOW, policy, NOW);

        assertThat(assessment.opened()).isFalse();
        assertThat(assessment.pendingEvents()).isEmpty();

        assessment.open(aCase().build(), policy, later);

        assertThat(assessment.suggestion().category()).hasToString("FUSION");
        assertThat(assessment.gating().missing()).containsExactly(Gating.EVALUATION_MISSING, Gating.CROSS_BORDER_CONSENT_MISSING);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
    }

    @Test
    void closesForGoodWithoutPublishingAnything() {
        Assessment assessment = opened(aCase());

        assessment.close(ClosureReason.PATIENT_DECLINED, later, policy, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.CLOSED);
        assertThatThrownBy(() -> recommend(assessment)).isInstanceOf(RuleViolationException.class);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        assertThat(assessment.gating().missing()).containsExactly(Gating.EVALUATION_MISSING, Gating.CASE_CLOSED);
    }

    @Test
    void recommendsSurgeryAfterTheVerificationInOrder() {
        Assessment assessment = opened(aCase());

        recommend(assessment);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(assessment.evaluation().probableCauses()).containsExactly(FbssCause.EPIDURAL_FIBROSIS);
        assertThat(assessment.evaluation().evaluatedBy()).isEqualTo(SPECIALIST);
        assertThat(assessment.gating().open()).isTrue();
        assertThat(assessment.pendingEvents()).extracting(OutboxEntry::type, OutboxEntry::sequence).containsExactly(
                Tuple.tuple(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), 1L),
                Tuple.tuple(EventCatalog.SURGERY_RECOMMENDED.name(), 2L));
    }

    @Test
    void closesTheCaseWithTheRationaleWhenNotACandidate() {
        Assessment assessment = opened(aCase());

        assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), "Pas de cible chirurgicale", SPECIALIST, policy, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.NOT_A_CANDIDATE);
        assertThat(types(assessment)).last().isEqualTo(EventCatalog.SURGERY_NOT_INDICATED.name());
        assertThat(assessment.pendingEvents().get(1).data()).contains("\"reason\":\"Pas de cible chirurgicale\"");
        assertThat(assessment.gating().missing()).containsExactly(Gating.EVALUATION_DECLINED);
    }

    @Test
    void declinedIsTerminalWhateverArrivesAfterwards() {
        Assessment assessment = opened(aCase());
        assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), "Pas de cible chirurgicale", SPECIALIST, policy, later);

        assessment.recordSession(session("s-1", CareModality.PHYSIOTHERAPY, 10), policy, evenLater);
        assessment.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA), policy, evenLater);
        assessment.changeConsents(new ConsentGrants(true, false, false), evenLater, policy, evenLater);
        assessment.changeConsents(Cases.ALL_CONSENTS, evenLater.plusSeconds(60), policy, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.NOT_A_CANDIDATE);
        assertThat(assessment.surgeryRecommended()).isFalse();
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.SURGERY_NOT_INDICATED.name());
        assertThatThrownBy(() -> recommend(assessment)).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).rule()).isEqualTo("assessment-not-awaiting-evaluation"));
    }

    @Test
    void verifiesAgainstTheLongerMinimumOfTheCategoryTheSpecialistChose() {
        ConservativeCarePolicy longerForFusion = new ConservativeCarePolicy(90, 24, true, 1, 12, 4, 30, 2, 30, 10,
                java.util.Map.of(ca.passerelle.events.assessment.SurgicalCategory.FUSION, 180));
        Assessment assessment = new Assessment("c-1");
        assessment.open(aCase().build(), longerForFusion, NOW);
        assertThat(assessment.suggestion().category()).hasToString("SIMPLE_DECOMPRESSION");
        assertThat(assessment.verification().verified()).as("179 days meet the general 90").isTrue();

        assessment.evaluate(SpecialistDecision.FUSION, List.of(), "Instabilité dynamique en flexion", SPECIALIST, longerForFusion, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT);
        assertThat(assessment.verification().unmet()).containsExactly(Shortfall.DURATION);
        assertThat(assessment.verification().missing()).containsExactly(
                "supervised conservative care lasted 179 days; the policy asks for at least 180 days");
        assertThat(assessment.gating().missing()).containsExactly(Gating.CARE_NOT_VERIFIED);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());

        assessment.recordSession(session("s-physio", CareModality.PHYSIOTHERAPY, 9), longerForFusion, evenLater);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name(), EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(),
                EventCatalog.SURGERY_RECOMMENDED.name());
        assertThat(assessment.pendingEvents().get(3).data()).contains("\"category\":\"FUSION\"");
    }

    @Test
    void saysExactlyWhatIsMissingAndTheEarliestDateInTheInsufficientEvent() {
        Assessment assessment = opened(aCase().withCare(course(CareModality.PHYSIOTHERAPY, "2026-09-18", "2026-11-02", 20)));

        String insufficient = assessment.pendingEvents().get(0).data();

        assertThat(insufficient).contains("\"earliestEligibleOn\":\"2026-12-17\"")
                .contains("supervised conservative care lasted 45 days; the policy asks for at least 90 days")
                .contains("no supervised modality besides physiotherapy is documented");
        assertThat(assessment.verification().earliestEligibleOn()).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void readsTheImagingFindingsTheSpecialistRecordsWithTheEvaluation() {
        Assessment assessment = opened(aCase());
        assertThat(assessment.suggestion().category()).hasToString("SIMPLE_DECOMPRESSION");
        Imaging reading = new Imaging("CT", LocalDate.of(2026, 11, 6), List.of(RadiologicalFinding.INSTABILITY), "L4-L5");

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.MOTION_PRESERVATION, List.of(), List.of(reading), null, SPECIALIST,
                policy, later)).isInstanceOf(RuleViolationException.class);
        assertThat(assessment.imaging()).as("a refused evaluation keeps nothing").doesNotContain(reading);

        assessment.evaluate(SpecialistDecision.FUSION, List.of(FbssCause.INADEQUATE_FIRST_SURGERY), List.of(reading), null, SPECIALIST, policy,
                later);

        assertThat(assessment.evaluation().imagingFindings()).containsExactly(reading);
        assertThat(assessment.evaluation().suggestedCategory()).as("judged with the specialist's findings").hasToString("FUSION");
        assertThat(assessment.evaluation().departsFromSuggestion()).isFalse();
        assertThat(assessment.suggestion().category()).hasToString("FUSION");
        assertThat(assessment.suggestion().reasons()).first().asString().startsWith("INSTABILITY on CT of 2026-11-06 at L4-L5");
        assertThat(assessment.imaging()).hasSize(2).contains(reading);
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(assessment.pendingEvents().get(1).data()).contains("\"category\":\"FUSION\"");
    }

    @Test
    void letsTheSpecialistDepartFromTheSuggestionWithARationaleThatIsKept() {
        Assessment assessment = opened(aCase());

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.MOTION_PRESERVATION, List.of(), " ", SPECIALIST, policy, later))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).rule()).isEqualTo("rationale-required-to-depart-from-suggestion"));
        assertThat(assessment.evaluation()).isNull();

        assessment.evaluate(SpecialistDecision.MOTION_PRESERVATION, List.of(), "Patient jeune, mobilité à préserver", SPECIALIST, policy, later);

        assertThat(assessment.evaluation().suggestedCategory()).hasToString("SIMPLE_DECOMPRESSION");
        assertThat(assessment.evaluation().departsFromSuggestion()).isTrue();
        assertThat(assessment.evaluation().rationale()).isEqualTo("Patient jeune, mobilité à préserver");
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
    }

    @Test
    void needsNoRationaleToFollowTheSuggestion() {
        Assessment assessment = opened(aCase());

        assessment.evaluate(SpecialistDecision.SIMPLE_DECOMPRESSION, List.of(), null, SPECIALIST, policy, later);

        assertThat(assessment.evaluation().departsFromSuggestion()).isFalse();
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
    }

    @Test
    void requiresARationaleToDecline() {
        Assessment assessment = opened(aCase());

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), " ", SPECIALIST, policy, later))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rationale");
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_EVALUATION);
    }

    @Test
    void requiresToKnowWhichSpecialistEvaluates() {
        Assessment assessment = opened(aCase());

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.FUSION, List.of(), "instability", " ", policy, later))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specialist");
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_EVALUATION);
        assertThat(assessment.evaluation()).isNull();
    }

    @Test
    void keepsTheReferringClinicAsTheCasesTenant() {
        assertThat(opened(aCase()).clinicId()).isEqualTo("clinic-qc-laval-01");
        assertThat(opened(aCase().withRedFlag(RedFlag.CAUDA_EQUINA)).clinicId()).isEqualTo("clinic-qc-laval-01");
    }

    @Test
    void acceptsOnlyOneEvaluation() {
        Assessment assessment = opened(aCase());
        assessment.evaluate(SpecialistDecision.FUSION, List.of(), "instability", SPECIALIST, policy, later);

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), "changed my mind", SPECIALIST, policy, later))
                .isInstanceOf(RuleViolationException.class);
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
    }

    @Test
    void ignoresASecondOpeningOfTheSameCase() {
        Assessment assessment = opened(aCase());

        assessment.open(aCase().withRedFlag(RedFlag.CAUDA_EQUINA).build(), policy, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_EVALUATION);
        assertThat(assessment.pendingEvents()).hasSize(1);
    }
}
