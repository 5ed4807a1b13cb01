package ca.passerelle.dashboard.cases;

import java.time.Instant;

/**
 * Cases in a stage that they entered in a time window: {@code enteredFrom <= stageSince < enteredBefore}, each bound
 * optional. An SLA state is a union of such windows, one per stage.
 */
public record StageWindow(Stage stage, Instant enteredFrom, Instant enteredBefore) {
}
