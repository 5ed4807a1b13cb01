package ca.passerelle.assessment.evaluation;

import ca.passerelle.events.assessment.FbssCause;

/** A probable FBSS cause the recorded findings point to, and the finding that points there. */
public record SuggestedCause(FbssCause cause, String reason) {
}
