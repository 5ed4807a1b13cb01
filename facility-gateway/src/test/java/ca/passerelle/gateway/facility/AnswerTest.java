package ca.passerelle.gateway.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AnswerTest {

    private static final Instant FETCHED = Instant.parse("2026-11-28T16:00:00Z");

    @Test
    void freshAnswerIsNotStaleAndHasNoAge() {
        Answer<String> answer = Answer.fresh("slots", FETCHED);

        assertThat(answer.stale()).isFalse();
        assertThat(answer.asOf()).isEqualTo(FETCHED);
        assertThat(answer.ageSeconds()).isZero();
    }

    @Test
    void lastKnownAnswerIsMarkedStaleWithItsFetchInstantAndWholeSecondsOfAge() {
        Answer<String> answer = Answer.stale("slots", FETCHED, FETCHED.plusSeconds(754).plusMillis(999));

        assertThat(answer.stale()).isTrue();
        assertThat(answer.asOf()).isEqualTo(FETCHED);
        assertThat(answer.ageSeconds()).isEqualTo(754);
    }

    @Test
    void copyStampedAfterNowCountsAsAgeZeroNotNegative() {
        Answer<String> answer = Answer.stale("slots", FETCHED.plusSeconds(3), FETCHED);

        assertThat(answer.stale()).isTrue();
        assertThat(answer.ageSeconds()).isZero();
    }

    @Test
    void rejectsAnswerWithoutValue() {
        assertThatThrownBy(() -> Answer.fresh(null, FETCHED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameFiltersInAnyFormGiveTheSameRequestKeyAndBlanksAreIgnored() {
        assertThat(new FacilityQuery("FR", "FUSION", null, " ").key()).isEqualTo("facilities?category=FUSION&country=FR");
        assertThat(new FacilityQuery(null, null, null, null).key()).isEqualTo("facilities");
        assertThat(new FacilityQuery("FR", null, "QC-13", null).key())
                .isNotEqualTo(new FacilityQuery("FR", null, null, null).key());
    }

    @Test
    void availabilityKeyNamesFacilityAndWindow() {
        assertThat(new AvailabilityQuery("fr-lyon-01", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-03-01")).key())
                .isEqualTo("facilities/fr-lyon-01/slots?from=2026-12-01&to=2027-03-01");
        assertThatThrownBy(() -> new AvailabilityQuery("fr-lyon-01", LocalDate.parse("2027-03-01"), LocalDate.parse("2026-12-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
