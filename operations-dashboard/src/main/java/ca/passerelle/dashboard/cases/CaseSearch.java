package ca.passerelle.dashboard.cases;

import ca.passerelle.platform.web.InvalidInputException;

/**
 * Which cases to list: optional filters (all combined), most recent movement first.
 *
 * @param stage only cases at this stage
 * @param clinicId only cases of this referring clinic
 * @param hospitalId only cases at this partner hospital
 * @param openAlert only cases with (true) or without (false) an open follow-up alert
 * @param sla only cases in this SLA state (open cases only)
 * @param queue only cases in this work queue
 * @param caseId only cases whose id starts with this
 * @param after keyset paging: the page starts after this case (then {@code page} is ignored)
 * @param page offset paging, when no cursor is given
 */
public record CaseSearch(Stage stage, String clinicId, String hospitalId, Boolean openAlert, SlaState sla, WorkQueue queue,
        String caseId, CaseCursor after, int page, int size) {

    public CaseSearch {
        if (page < 0) {
            throw new InvalidInputException("page must be 0 or more");
        }
        if (size < 1) {
            throw new InvalidInputException("size must be 1 or more");
        }
        clinicId = blankToNull(clinicId);
        hospitalId = blankToNull(hospitalId);
        caseId = blankToNull(caseId);
    }

    public CaseSearch(Stage stage, String clinicId, int page, int size) {
        this(stage, clinicId, null, null, null, null, null, null, page, size);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
