package ca.passerelle.platform.messaging;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ca.passerelle.events.assessment.UrgentReferralRequired;
import ca.passerelle.events.intake.CaseOpened;
import ca.passerelle.events.intake.RedFlag;

/** Test aggregate: counts how often it was screened and raises one event per screening. */
@Document("screenings")
class Screening extends AggregateDocument {

    @Id
    private String caseId;
    private int screenings;

    Screening(String caseId) {
        this.caseId = caseId;
    }

    void screen(CaseOpened opened, Instant at) {
        screenings++;
        raise(new UrgentReferralRequired(opened.caseId(), opened.redFlags().isEmpty() ? List.of(RedFlag.OTHER) : opened.redFlags(), at), at);
    }

    void rescreen(Instant at) {
        screenings++;
        raise(new UrgentReferralRequired(caseId, List.of(RedFlag.OTHER), at), at);
    }

    String caseId() {
        return caseId;
    }

    int screenings() {
        return screenings;
    }
}
