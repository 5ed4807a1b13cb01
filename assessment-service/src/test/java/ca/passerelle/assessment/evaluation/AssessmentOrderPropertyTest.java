package ca.passerelle.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import ca.passerelle.events.EventCatalog;
import ca.passerelle.events.assessment.FbssCause;
import ca.passerelle.events.intake.CareModality;
import ca.passerelle.events.intake.ClosureReason;
import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.RadiologicalFinding;
import ca.passerelle.events.intake.RedFlag;
import ca.passerelle.events.intake.SpineProcedure;
import ca.passerelle.platform.messaging.OutboxEntry;
import ca.passerelle.platform.web.RuleViolationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same facts in any order, duplicates included, end in the same verdict with the same decisive events. Facts are
 * intake events (each re-sent fact is a new event id, so only the domain's own de-duplication protects it); the
 * specialist's evaluation is a command that, when the case refuses it (not opened yet, paused), is tried again after
 * each later fact, as a specialist would.
 */
class AssessmentOrderPropertyTest {

    private static final ConservativeCarePolicy POLICY = ConservativeCarePolicy.defaults();
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Instant OPENED_AT = Instant.parse("2026-11-02T14:05:00Z");
    private static final ConsentGrants NO_CROSS_BORDER = new ConsentGrants(true, false, false);
    private static final ConsentGrants ALL = new ConsentGrants(true, true, false);
    private static final ConsentGrants NONE = new ConsentGrants(false, false, false);
    private static final Set<String> VERIFICATION_TYPES =
            Set.of(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name(), EventCatalog.CONSERVATIVE_CARE_INSUFFICIENT.name());

    /** One input of the story; its name is what jqwik shows of a failing order. */
    record Step(String name, boolean command, Consumer<Assessment> action) {

        static Step fact(String name, Consumer<Assessment> action) {
            return new Step(name, false, action);
        }

        /** The same fact delivered again under another event id. */
        Step again() {
            return new Step(name + " (again)", command, action);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What must not depend on the order. */
    record Verdict(AssessmentStatus status, CareVerification verification, Suggestion suggestion, Gating gating,
            SpecialistDecision decision, List<RedFlag> redFlags) {
    }

    /** The published events that decide the pathway, with their payloads, and the last verification verdict published. */
    record Published(List<String> decisive, String lastVerification) {
    }

    private static Step opened(ConsentGrants consents) {
        ClinicalPicture picture = new ClinicalPicture("clinic-qc-laval-01", OPENED_AT, "M96.1", 44, 7, 48.0, List.of(),
                List.of(new PriorProcedure(LocalDate.of(2023, 3, 14), SpineProcedure.DISCECTOMY, "L4-L5")),
                List.of(new Imaging("MRI_GADOLINIUM", LocalDate.of(2026, 9, 20),
                        List.of(RadiologicalFinding.EPIDURAL_FIBROSIS, RadiologicalFinding.FORAMINAL_STENOSIS), "L4-L5")),
                List.of(new CareCourse(CareModality.PHYSIOTHERAPY, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 30), 20, true)),
                consents);
        return Step.fact("CaseOpened", assessment -> assessment.open(picture, POLICY, NOW));
    }

    private static Step session(String id, CareModality modality, int novemberDay) {
        CareSession session = new CareSession(id, modality, LocalDate.of(2026, 11, novemberDay), true,
                Instant.parse("2026-11-%02dT18:00:00Z".formatted(novemberDay)));
        return Step.fact("session " + id, assessment -> assessment.recordSession(session, POLICY, NOW));
    }

    private static Step consents(ConsentGrants grants, String changedAt) {
        return Step.fact("consents " + grants + " at " + changedAt,
                assessment -> assessment.changeConsents(grants, Instant.parse(changedAt), POLICY, NOW));
    }

    private static Step evaluation(SpecialistDecision decision) {
        return new Step("evaluation " + decision, true, assessment -> assessment.evaluate(decision,
                List.of(FbssCause.DEGENERATIVE_PROGRESSION), "Instabilité L4-L5 et compression", "specialiste", POLICY, NOW));
    }

    /** Insufficient at opening (no modality besides physiotherapy, no cross-border consent); every fact after it helps. */
    private static List<Step> clinicalFacts() {
        return List.of(
                opened(NO_CROSS_BORDER),
                session("m-1", CareModality.MANUAL_THERAPY, 3),
                session("p-1", CareModality.PHYSIOTHERAPY, 4),
                session("m-2", CareModality.MANUAL_THERAPY, 5),
                session("m-3", CareModality.MANUAL_THERAPY, 7),
                Step.fact("CT instability", assessment -> assessment.recordImaging(new Imaging("CT", LocalDate.of(2026, 11, 6),
                        List.of(RadiologicalFinding.INSTABILITY), "L4-L5"), POLICY, NOW)),
                Step.fact("symptoms NRS 7 ODI 46", assessment -> assessment.recordScores(new ScoreReport(LocalDate.of(2026, 11, 10),
                        Instant.parse("2026-11-10T16:00:00Z"), 7, 46.0), POLICY, NOW)),
                consents(NONE, "2026-11-11T10:00:00Z"),
                consents(ALL, "2026-11-12T10:00:00Z"));
    }

    /** Every fact and the evaluation, plus some facts delivered twice, in any order. */
    private static Arbitrary<List<Step>> anyOrderOf(List<Step> facts, Step... commands) {
        return Arbitraries.subsetOf(facts).flatMap(resent -> {
            List<Step> story = new ArrayList<>(facts);
            story.addAll(List.of(commands));
            resent.forEach(fact -> story.add(fact.again()));
            return Arbitraries.shuffle(story);
        });
    }

    private static List<Step> canonical(List<Step> facts, Step... commands) {
        List<Step> story = new ArrayList<>(facts);
        story.addAll(List.of(commands));
        return story;
    }

    @Provide
    Arbitrary<List<Step>> recommendedStory() {
        return anyOrderOf(clinicalFacts(), evaluation(SpecialistDecision.FUSION));
    }

    @Property(tries = 300)
    void anyOrderOfTheSameFactsRecommendsSurgeryOnceWithTheSameVerdict(@ForAll("recommendedStory") List<Step> story) {
        Assessment reference = play(canonical(clinicalFacts(), evaluation(SpecialistDecision.FUSION)));
        Assessment played = play(story);

        assertThat(verdict(reference).status()).isEqualTo(AssessmentStatus.SURGERY_RECOMMENDED);
        assertThat(verdict(played)).isEqualTo(verdict(reference));
        assertThat(published(played)).isEqualTo(published(reference));
        assertThat(published(played).decisive()).singleElement().asString().startsWith(EventCatalog.SURGERY_RECOMMENDED.name());
        assertThat(published(played).lastVerification()).isEqualTo(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
        assertNoVerdictPublishedTwiceInARow(played);
    }

    @Provide
    Arbitrary<List<Step>> waitingForConsentStory() {
        List<Step> facts = new ArrayList<>(clinicalFacts());
        facts.removeIf(step -> step.name().startsWith("consents"));
        return anyOrderOf(facts, evaluation(SpecialistDecision.FUSION));
    }

    @Property(tries = 200)
    void anyOrderWithoutCrossBorderConsentWaitsForItAndNeverRecommends(@ForAll("waitingForConsentStory") List<Step> story) {
        Assessment played = play(story);

        assertThat(played.status()).isEqualTo(AssessmentStatus.AWAITING_CONSENT);
        assertThat(played.gating().missing()).containsExactly(Gating.CROSS_BORDER_CONSENT_MISSING);
        assertThat(published(played).decisive()).isEmpty();
        assertThat(published(played).lastVerification()).isEqualTo(EventCatalog.CONSERVATIVE_CARE_VERIFIED.name());
    }

    @Provide
    Arbitrary<List<Step>> redFlagStory() {
        List<Step> facts = new ArrayList<>(clinicalFacts());
        facts.removeIf(step -> step.name().startsWith("consents"));
        facts.add(Step.fact("red flag", assessment -> assessment.reportRedFlags(List.of(RedFlag.CAUDA_EQUINA), POLICY, NOW)));
        return anyOrderOf(facts, evaluation(SpecialistDecision.FUSION));
    }

    @Property(tries = 200)
    void anyOrderWithARedFlagEndsInOneUrgentReferralAndNoRecommendation(@ForAll("redFlagStory") List<Step> story) {
        Assessment played = play(story);

        assertThat(played.status()).isEqualTo(AssessmentStatus.URGENT_REFERRAL);
        assertThat(published(played).decisive()).singleElement().asString()
                .isEqualTo(EventCatalog.URGENT_REFERRAL_REQUIRED.name()
                        + " {\"caseId\":\"c-story\",\"redFlags\":[\"CAUDA_EQUINA\"],\"detectedAt\":\"2026-11-20T15:00:00Z\"}");
    }

    @Provide
    Arbitrary<List<Step>> closedStory() {
        List<Step> facts = new ArrayList<>(clinicalFacts());
        facts.removeIf(step -> step.name().startsWith("consents"));
        facts.add(Step.fact("case closed", assessment -> assessment.close(ClosureReason.PATIENT_DECLINED,
                Instant.parse("2026-11-15T09:00:00Z"), POLICY, NOW)));
        return anyOrderOf(facts);
    }

    @Property(tries = 100)
    void anyOrderWithAClosureEndsClosedWithoutADecision(@ForAll("closedStory") List<Step> story) {
        Assessment played = play(story);

        assertThat(played.status()).isEqualTo(AssessmentStatus.CLOSED);
        assertThat(played.gating().missing()).contains(Gating.CASE_CLOSED);
        assertThat(published(played).decisive()).isEmpty();
    }

    @Provide
    Arbitrary<List<Step>> prefixAndRepeat() {
        return recommendedStory().flatMap(story -> Arbitraries.integers().between(0, story.size() - 1)
                .map(cut -> {
                    List<Step> prefix = new ArrayList<>(story.subList(0, cut + 1));
                    Step last = prefix.get(prefix.size() - 1);
                    prefix.add(last.command() ? last : last.again());
                    return prefix;
                }));
    }

    @Property(tries = 200)
    void aFactDeliveredAgainChangesNothing(@ForAll("prefixAndRepeat") List<Step> story) {
        Assessment once = play(story.subList(0, story.size() - 1));
        Assessment twice = play(story);

        assertThat(verdict(twice)).isEqualTo(verdict(once));
        assertThat(twice.pendingEvents()).extracting(OutboxEntry::type, OutboxEntry::data)
                .isEqualTo(once.pendingEvents().stream().map(entry -> org.assertj.core.groups.Tuple.tuple(entry.type(), entry.data())).toList());
        assertThat(twice.sessions()).isEqualTo(once.sessions());
    }

    /** Plays the story; a refused command is tried again after each later step. */
    private static Assessment play(List<Step> story) {
        Assessment assessment = new Assessment("c-story");
        List<Step> refused = new ArrayList<>();
        for (Step step : story) {
            if (step.command()) {
                refused.add(step);
            } else {
                step.action().accept(assessment);
            }
            refused.removeIf(command -> tryCommand(command, assessment));
        }
        return assessment;
    }

    private static boolean tryCommand(Step command, Assessment assessment) {
        try {
            command.action().accept(assessment);
            return true;
        } catch (RuleViolationException refused) {
            return false;
        }
    }

    private static Verdict verdict(Assessment assessment) {
        return new Verdict(assessment.status(), assessment.verification(), assessment.suggestion(), assessment.gating(),
                assessment.evaluation() == null ? null : assessment.evaluation().decision(), assessment.redFlags());
    }

    private static Published published(Assessment assessment) {
        List<String> decisive = assessment.pendingEvents().stream().filter(entry -> !VERIFICATION_TYPES.contains(entry.type()))
                .map(entry -> entry.type() + " " + entry.data()).toList();
        String lastVerification = assessment.pendingEvents().stream().map(OutboxEntry::type).filter(VERIFICATION_TYPES::contains)
                .reduce((first, second) -> second).orElse(null);
        return new Published(decisive, lastVerification);
    }

    private static void assertNoVerdictPublishedTwiceInARow(Assessment assessment) {
        List<String> verdicts = assessment.pendingEvents().stream().map(OutboxEntry::type).filter(VERIFICATION_TYPES::contains).toList();
        for (int i = 1; i < verdicts.size(); i++) {
            assertThat(verdicts.get(i)).as("verdict %d", i).isNotEqualTo(verdicts.get(i - 1));
        }
    }
}
