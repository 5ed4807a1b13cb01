/** Events published by rehab-followup-service on {@link ca.passerelle.events.Topics#REHAB}: the rehabilitation plan and its follow-up. */
package ca.passerelle.events.rehab;
