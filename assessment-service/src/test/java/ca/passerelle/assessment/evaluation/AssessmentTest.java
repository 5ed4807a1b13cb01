package ca.passerelle.assessment.evaluation;

import static ca.passerelle.assessment.evaluation.Cases.NOW;
import static ca.passerelle.assessment.evaluation.Cases.aCase;
import static ca.passerelle.assessment.evaluation.Cases.course;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.platform.messaging.OutboxEntry;
import ca.passerelle.platform.web.RuleViolationException;

class AssessmentTest {

    private final ConservativeCarePolicy policy = ConservativeCarePolicy.defaults();
    private static final String SPECIALIST = "specialiste";
    private final Instant later = Instant.parse("2026-11-09T10:30:00Z");

    private Assessment opened(Cases aCase) {
        Assessment assessment = new Assessment("c-1");
        assessment.open(aCase.build(), policy, NOW);
        return assessment;
    }

    private static List<String> types(Assessment assessment) {
        return assessment.pendingEvents().stream().map(OutboxEntry::type).toList();
    }

    @Test
    void escalatesAnyRedFlagAtOnceWithoutVerifyingCare() {
        Assessment assessment = opened(aCase().withRedFlag(RedFlag.CAUDA_EQUINA));

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(assessment.redFlags()).containsExactly(RedFlag.CAUDA_EQUINA);
        assertThat(assessment.verification()).isNull();
        assertThat(types(assessment)).containsExactly(EventCatalog.URGENT_REFERRAL_REQUIRED.name());
    }

    @Test
    void refusesAnEvaluationOnceUrgentlyReferred() {
        Assessment assessment = opened(aCase().withRedFlag(RedFlag.SUSPECTED_INFECTION));

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.FUSION, List.of(), "stable", SPECIALIST, later))
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
    }

    @Test
    void sendsTheCaseBackToConservativeCareWhenInsufficient() {
        Assessment assessment = opened(aCase().withCare(course(CareModality.PHYSIOTHERAPY, "2026-09-18", "2026-11-02", 20)));

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.CONSERVATIVE_CARE_INSUFFICIENT);
        assertThat(assessment.verification().missing()).hasSize(2);
        assertThat(types(assessment)).containsExactly(EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());
        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.FUSION, List.of(), null, SPECIALIST, later))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void recommendsSurgeryAfterTheVerificationInOrder() {
        Assessment assessment = opened(aCase());

        assessment.evaluate(SpecialistDecision.SIMPLE_DECOMPRESSION, List.of(FbssCause.EPIDURAL_FIBROSIS), "compression", SPECIALIST, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(assessment.evaluation().probableCauses()).containsExactly(FbssCause.EPIDURAL_FIBROSIS);
        assertThat(assessment.evaluation().evaluatedBy()).isEqualTo(SPECIALIST);
        assertThat(assessment.pendingEvents()).extracting(OutboxEntry::type, OutboxEntry::sequence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), 1L),
                org.assertj.core.groups.Tuple.tuple(EventCatalog.SURGERY_RECOMMENDED.name(), 2L));
    }

    @Test
    void closesTheCaseWithTheRationaleWhenNotACandidate() {
        Assessment assessment = opened(aCase());

        assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), "Pas de cible chirurgicale", SPECIALIST, later);

        assertThat(assessment.status()).isEqualTo(AssessmentStatus.NOT_A_CANDIDATE);
        assertThat(types(assessment)).last().isEqualTo(EventCatalog.SURGERY_NOT_INDICATED.name());
        assertThat(assessment.pendingEvents().get(1).data()).contains("\"reason\":\"Pas de cible chirurgicale\"");
    }

    @Test
    void requiresARationaleToDecline() {
        Assessment assessment = opened(aCase());

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), " ", SPECIALIST, later))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rationale");
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.AWAITING_EVALUATION);
    }

    @Test
    void requiresToKnowWhichSpecialistEvaluates() {
        Assessment assessment = opened(aCase());

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.FUSION, List.of(), "instability", " ", later))
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
        assessment.evaluate(SpecialistDecision.FUSION, List.of(), "instability", SPECIALIST, later);

        assertThatThrownBy(() -> assessment.evaluate(SpecialistDecision.NOT_A_CANDIDATE, List.of(), "changed my mind", SPECIALIST, later))
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
