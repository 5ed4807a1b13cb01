package ca.passerelle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The checker's arithmetic, on hand-made observations: it must see loss, duplicates and disorder when they are there. */
class FiguresTest {

    private static final String T = "topic";

    private static ObservedEvent event(long offset, String id, String subject, String type, long sequence) {
        return new ObservedEvent(T, 0, offset, id, subject, type, sequence);
    }

    @Test
    void aCleanRunHasNoLossNoDuplicateAndKeepsOrder() {
        List<Expectation> sent = List.of(new Expectation(T, "c1", "A"), new Expectation(T, "c1", "B"), new Expectation(T, "c2", "A"));
        List<ObservedEvent> observed = List.of(event(0, "e1", "c1", "A", 1), event(1, "e2", "c2", "A", 1), event(2, "e3", "c1", "B", 2),
                event(3, "x", "someone-else", "A", 1));

        Figures figures = Figures.compute("clean", sent, observed, 0, 0, 0, Duration.ofSeconds(2));

        assertThat(figures.sent()).isEqualTo(3);
        assertThat(figures.observed()).isEqualTo(3);
        assertThat(figures.lost()).isZero();
        assertThat(figures.visibleDuplicates()).isZero();
        assertThat(figures.orderViolations()).isZero();
        assertThat(figures.line()).contains("lost=0").contains("recovery=2.0s");
    }

    @Test
    void aMissingEventIsLostAndARepeatedIdIsAVisibleDuplicateNotACompletion() {
        List<Expectation> sent = List.of(new Expectation(T, "c1", "A"), new Expectation(T, "c2", "A"));
        List<ObservedEvent> observed = List.of(event(0, "e1", "c1", "A", 1), event(1, "e1", "c1", "A", 1));

        Figures figures = Figures.compute("lossy", sent, observed, 1, 0, 0, Duration.ZERO);

        assertThat(figures.lost()).isEqualTo(1);
        assertThat(figures.lostSamples()).containsExactly("A@topic for c2");
        assertThat(figures.visibleDuplicates()).isEqualTo(1);
        assertThat(figures.stateDuplicates()).isEqualTo(1);
        assertThat(figures.orderViolations()).isZero();
    }

    @Test
    void twoDistinctEventsOfOneTypeAreNeededForTwoExpectationsOfIt() {
        List<Expectation> sent = List.of(new Expectation(T, "c1", "A"), new Expectation(T, "c1", "A"));

        Figures figures = Figures.compute("twice", sent, List.of(event(0, "e1", "c1", "A", 1), event(1, "e1", "c1", "A", 1)), 0, 0, 0,
                Duration.ZERO);

        assertThat(figures.lost()).isEqualTo(1);
    }

    @Test
    void aSequenceThatGoesBackOrSplitsAcrossPartitionsIsAnOrderViolation() {
        List<ObservedEvent> backwards = List.of(event(0, "e1", "c1", "A", 2), event(1, "e2", "c1", "B", 1));
        List<ObservedEvent> split = List.of(event(0, "e1", "c1", "A", 1), new ObservedEvent(T, 1, 0, "e2", "c1", "B", 2));
        List<ObservedEvent> redelivered = List.of(event(0, "e1", "c1", "A", 1), event(1, "e2", "c1", "B", 2), event(2, "e1", "c1", "A", 1));

        assertThat(Figures.orderViolations(backwards)).isEqualTo(1);
        assertThat(Figures.orderViolations(split)).isEqualTo(1);
        assertThat(Figures.orderViolations(redelivered)).as("a redelivery is a duplicate, not disorder").isZero();
    }
}
