/** assessment-service: triage, conservative-care verification and the specialist's evaluation of each case. */
package ca.passerelle.assessment;
