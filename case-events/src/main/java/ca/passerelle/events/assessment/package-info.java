/** Events published by assessment-service on {@link ca.passerelle.events.Topics#ASSESSMENT}: triage, verification, evaluation. */
package ca.passerelle.events.assessment;
