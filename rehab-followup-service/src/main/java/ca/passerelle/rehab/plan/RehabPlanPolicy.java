package ca.passerelle.rehab.plan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import ca.passerelle.events.assessment.SurgicalCategory;
import ca.passerelle.events.rehab.RehabPhase;

/**
 * Dates a plan from the day of surgery: the first three phases follow one another for the durations configured for the
 * surgical category, the well-being maintenance phase runs until the follow-up ends, checkpoints fall at fixed offsets.
 */
@Component
public class RehabPlanPolicy {

    private final RehabPlanProperties properties;

    public RehabPlanPolicy(RehabPlanProperties properties) {
        this.properties = properties;
    }

    public RehabSchedule scheduleFor(SurgicalCategory category, LocalDate performedOn) {
        RehabPlanProperties.PhaseDurations durations = properties.durationsFor(category);
        LocalDate immobilisationEnds = performedOn.plus(durations.initialImmobilisation());
        LocalDate mobilisationEnds = immobilisationEnds.plus(durations.progressiveMobilisation());
        LocalDate strengtheningEnds = mobilisationEnds.plus(durations.muscleStrengthening());
        LocalDate followUpEnds = performedOn.plus(properties.followUp());
        List<PlannedPhase> phases = List.of(
                new PlannedPhase(RehabPhase.INITIAL_IMMOBILISATION, performedOn, immobilisationEnds),
                new PlannedPhase(RehabPhase.PROGRESSIVE_MOBILISATION, immobilisationEnds, mobilisationEnds),
                new PlannedPhase(RehabPhase.MUSCLE_STRENGTHENING, mobilisationEnds, strengtheningEnds),
                new PlannedPhase(RehabPhase.WELLBEING_MAINTENANCE, strengtheningEnds, followUpEnds));
        List<Checkpoint> checkpoints = properties.checkpoints().stream()
                .map(rule -> new Checkpoint(performedOn.plus(rule.after()), rule.label()))
                .sorted(Comparator.comparing(Checkpoint::dueOn))
                .toList();
        return new RehabSchedule(phases, checkpoints);
    }
}
