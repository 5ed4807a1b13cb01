package ca.passerelle.dashboard.cases;

import java.util.Collection;
import java.util.Set;

/**
 * The SLA breaches already counted, one per case and stage: the dashboard's own record (not a projection of the
 * topics), so the rebuild does not empty it and a breach is never counted twice.
 */
public interface SlaBreaches {

    /** Of these visits, the ones whose case and stage already have their breach counted. */
    Set<String> alreadyCounted(Collection<StageVisit> visits);

    /** Claims the breach of this visit's case and stage; false if it was claimed before (here or by another instance). */
    boolean claim(StageVisit visit);

    /** The key of a visit's breach: one per case and stage. */
    static String key(StageVisit visit) {
        return visit.caseId() + "|" + visit.stage().name();
    }
}
