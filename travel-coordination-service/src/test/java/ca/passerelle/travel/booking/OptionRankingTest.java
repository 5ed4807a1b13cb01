package ca.passerelle.travel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.platform.web.RuleViolationException;

class OptionRankingTest {

    private static final LocalDate FROM = LocalDate.parse("2026-12-03");
    private static final LocalDate TO = LocalDate.parse("2027-03-12");

    private static Facility hospital(String id, List<String> languages) {
        return new Facility(id, "Hôpital " + id, "SURGICAL_HOSPITAL", "FR", "Lyon", List.of("SIMPLE_DECOMPRESSION", "FUSION"), languages);
    }

    private static Slot available(String facilityId, String slotId, String date) {
        return new Slot(slotId, facilityId, LocalDate.parse(date), "AVAILABLE");
    }

    private static List<BookingOption> rank(List<Facility> facilities, Map<String, List<Slot>> slots, int max) {
        return OptionRanking.rank(SurgicalCategory.SIMPLE_DECOMPRESSION, facilities, slots, FROM, TO, max);
    }

    @Test
    void ranksTheEarliestSurgeryDateFirst() {
        List<BookingOption> options = rank(List.of(hospital("late", List.of("fr")), hospital("early", List.of("en"))), Map.of(
                "late", List.of(available("late", "l1", "2027-01-20")),
                "early", List.of(available("early", "e1", "2027-01-10"))), 5);

        assertThat(options).extracting(BookingOption::hospitalId).containsExactly("early", "late");
        assertThat(options).extracting(BookingOption::optionId).containsExactly("opt-1", "opt-2");
    }

    @Test
    void prefersFrenchSpeakingHospitalsOnTheSameDate() {
        List<BookingOption> options = rank(List.of(hospital("a-english", List.of("en")), hospital("b-french", List.of("en", "FR"))), Map.of(
                "a-english", List.of(available("a-english", "a1", "2027-01-10")),
                "b-french", List.of(available("b-french", "b1", "2027-01-10"))), 5);

        assertThat(options).extracting(BookingOption::hospitalId).containsExactly("b-french", "a-english");
        assertThat(options.get(0).frenchSpeaking()).isTrue();
    }

    @Test
    void offersTheEarliestAvailableSlotInTheWindowOncePerHospital() {
        List<BookingOption> options = rank(List.of(hospital("lyon", List.of("fr"))), Map.of("lyon", List.of(
                available("lyon", "too-early", "2026-12-02"),
                new Slot("held", "lyon", LocalDate.parse("2026-12-05"), "HELD"),
                available("lyon", "second", "2027-01-15"),
                available("lyon", "first", "2026-12-03"),
                available("lyon", "too-late", "2027-03-13"))), 5);

        assertThat(options).singleElement().satisfies(option -> {
            assertThat(option.slotId()).isEqualTo("first");
            assertThat(option.surgeryOn()).isEqualTo(FROM);
        });
    }

    @Test
    void leavesOutFacilitiesThatCannotOperateThisCategoryInFrance() {
        Facility rehab = new Facility("rehab", "Clinique", "REHAB_CLINIC", "FR", "Lyon", List.of("SIMPLE_DECOMPRESSION"), List.of("fr"));
        Facility quebec = new Facility("quebec", "CHU", "SURGICAL_HOSPITAL", "CA", "Québec", List.of("SIMPLE_DECOMPRESSION"), List.of("fr"));
        Facility fusionOnly = new Facility("fusion", "Clinique", "SURGICAL_HOSPITAL", "FR", "Paris", List.of("FUSION"), List.of("fr"));

        List<BookingOption> options = rank(List.of(rehab, quebec, fusionOnly), Map.of(
                "rehab", List.of(available("rehab", "r1", "2027-01-10")),
                "quebec", List.of(available("quebec", "q1", "2027-01-10")),
                "fusion", List.of(available("fusion", "f1", "2027-01-10"))), 5);

        assertThat(options).isEmpty();
    }

    @Test
    void leavesOutHospitalsThePatientExcludesAndNonFrenchSpeakingOnesWhenThePatientNeedsFrench() {
        List<Facility> hospitals = List.of(hospital("english", List.of("en")), hospital("excluded", List.of("fr")),
                hospital("french", List.of("fr")));
        Map<String, List<Slot>> slots = Map.of(
                "english", List.of(available("english", "en1", "2027-01-01")),
                "excluded", List.of(available("excluded", "x1", "2027-01-02")),
                "french", List.of(available("french", "f1", "2027-01-20")));

        List<BookingOption> options = OptionRanking.rank(SurgicalCategory.SIMPLE_DECOMPRESSION, hospitals, slots, FROM, TO, 5,
                new PatientConstraints(null, null, true, Set.of("excluded")));

        assertThat(options).extracting(BookingOption::hospitalId).containsExactly("french");
        assertThat(OptionRanking.rank(SurgicalCategory.SIMPLE_DECOMPRESSION, hospitals, slots, FROM, TO, 5,
                new PatientConstraints(null, null, false, Set.of("excluded")))).extracting(BookingOption::hospitalId)
                .as("without the language need, English-speaking hospitals stay, ranked by date").containsExactly("english", "french");
    }

    @Test
    void narrowsTheWindowSoThePreOpConsultationAndTheFitToFlyDateFallWhileThePatientIsAvailable() {
        SchedulingProperties policy = Policies.defaults();
        PatientConstraints constraints = new PatientConstraints(LocalDate.parse("2027-01-10"), LocalDate.parse("2027-02-10"), false, Set.of());

        LocalDate from = constraints.earliestSurgeryOn(FROM, policy);
        LocalDate to = constraints.latestSurgeryOn(TO, SurgicalCategory.FUSION, policy);

        assertThat(from).as("pre-op consultation (surgery - 2 days) not before the patient is there").isEqualTo(LocalDate.parse("2027-01-12"));
        assertThat(to).as("fit to fly (surgery + 14 days for FUSION) by the last day the patient can be away")
                .isEqualTo(LocalDate.parse("2027-01-27"));
        assertThat(PatientConstraints.NONE.earliestSurgeryOn(FROM, policy)).isEqualTo(FROM);
        assertThat(PatientConstraints.NONE.latestSurgeryOn(TO, SurgicalCategory.FUSION, policy)).isEqualTo(TO);
        assertThat(new PatientConstraints(LocalDate.parse("2026-01-01"), null, false, Set.of()).earliestSurgeryOn(FROM, policy))
                .as("never earlier than the policy's lead time").isEqualTo(FROM);

        List<BookingOption> options = OptionRanking.rank(SurgicalCategory.FUSION, List.of(hospital("lyon", List.of("fr"))),
                Map.of("lyon", List.of(available("lyon", "before", "2027-01-11"), available("lyon", "inside", "2027-01-20"),
                        available("lyon", "after", "2027-01-28"))), from, to, 5, constraints);
        assertThat(options).extracting(BookingOption::slotId).containsExactly("inside");
    }

    @Test
    void refusesAnAvailabilityThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new PatientConstraints(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-01-31"), false, Set.of()))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo("availability-ends-before-it-starts");
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfOptions() {
        List<Facility> hospitals = List.of(hospital("h1", List.of("fr")), hospital("h2", List.of("fr")), hospital("h3", List.of("fr")));
        Map<String, List<Slot>> slots = Map.of(
                "h1", List.of(available("h1", "s1", "2027-01-03")),
                "h2", List.of(available("h2", "s2", "2027-01-02")),
                "h3", List.of(available("h3", "s3", "2027-01-01")));

        assertThat(rank(hospitals, slots, 2)).extracting(BookingOption::hospitalId).containsExactly("h3", "h2");
    }
}
