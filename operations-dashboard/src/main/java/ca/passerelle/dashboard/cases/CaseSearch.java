package ca.passerelle.dashboard.cases;

/**
 * Which cases to list: optional filters, newest movement first.
 *
 * @param stage only cases at this stage, or all when null
 * @param clinicId only cases of this referring clinic, or all when null
 */
public record CaseSearch(Stage stage, String clinicId, int page, int size) {

    public CaseSearch {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be 1 or more");
        }
        clinicId = clinicId == null || clinicId.isBlank() ? null : clinicId.strip();
    }
}
