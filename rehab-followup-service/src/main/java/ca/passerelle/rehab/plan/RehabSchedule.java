package ca.passerelle.rehab.plan;

import java.util.List;

/** The dated phases and checkpoints of one plan, as the policy computes them. */
public record RehabSchedule(List<PlannedPhase> phases, List<Checkpoint> checkpoints) {

    public RehabSchedule {
        phases = List.copyOf(phases);
        checkpoints = List.copyOf(checkpoints);
    }
}
