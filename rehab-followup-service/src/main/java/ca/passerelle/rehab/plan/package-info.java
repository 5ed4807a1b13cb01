/** The rehabilitation plan of a case: the four phases of the clinical source and the follow-up checkpoints, dated from the surgery. */
package ca.passerelle.rehab.plan;
