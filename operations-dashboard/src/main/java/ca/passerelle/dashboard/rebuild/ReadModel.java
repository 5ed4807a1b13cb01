package ca.passerelle.dashboard.rebuild;

import org.springframework.stereotype.Component;

import ca.passerelle.dashboard.cases.CaseSummaryService;
import ca.passerelle.dashboard.deadletters.DeadLetterService;
import ca.passerelle.dashboard.facility.FacilityStatusService;

/** The dashboard's read model as a whole: the three projections the topics fill. */
@Component
public class ReadModel {

    private final CaseSummaryService cases;
    private final FacilityStatusService facilities;
    private final DeadLetterService deadLetters;

    public ReadModel(CaseSummaryService cases, FacilityStatusService facilities, DeadLetterService deadLetters) {
        this.cases = cases;
        this.facilities = facilities;
        this.deadLetters = deadLetters;
    }

    /** Empties case summaries, facility statuses and dead letters (their indexes stay). */
    public void empty() {
        cases.deleteAll();
        facilities.deleteAll();
        deadLetters.deleteAll();
    }
}
