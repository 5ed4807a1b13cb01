package ca.passerelle.dashboard;

/**
 * The read model changed (an application event, published after the change is stored): the live pages refresh the
 * parts that show it.
 *
 * @param what {@code case}, {@code dead-letter} or {@code facility}
 * @param caseId the case that moved (its pseudonymous id), or null when it is not about one case
 */
public record ReadModelChanged(String what, String caseId) {

    public static ReadModelChanged ofCase(String caseId) {
        return new ReadModelChanged("case", caseId);
    }
}
