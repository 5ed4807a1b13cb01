package ca.passerelle.assessment.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A pain and disability measurement: the one of the opened case, or a later {@code SymptomsReported}.
 *
 * @param odiPercent null when not measured
 */
public record ScoreReport(LocalDate assessedOn, Instant recordedAt, int painNrs, Double odiPercent) {

    /** By assessment date, then by when it was recorded, then by value: the latest is always the same one. */
    static final Comparator<ScoreReport> CHRONOLOGICAL = Comparator.comparing(ScoreReport::assessedOn)
            .thenComparing(ScoreReport::recordedAt)
            .thenComparingInt(ScoreReport::painNrs)
            .thenComparing(report -> report.odiPercent() == null ? -1 : report.odiPercent());
}
