/** The assessment of one case: triage on red flags, the conservative-care policy, decision support and the specialist's evaluation. */
package ca.passerelle.assessment.evaluation;
