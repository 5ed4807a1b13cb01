package ca.passerelle.rehab.plan;

import ca.passerelle.events.Contract;

/**
 * The pre-operative pain and disability the follow-up is judged against: from {@code CaseOpened}, replaced by a later
 * {@code SymptomsReported} assessed before the surgery.
 *
 * @param odiPercent null when intake did not measure the ODI; progress is then judged on the NRS alone
 */
public record Baseline(int painNrs, Double odiPercent) {

    public Baseline {
        Contract.requireRange(painNrs, 0, 10, "painNrs");
    }
}
