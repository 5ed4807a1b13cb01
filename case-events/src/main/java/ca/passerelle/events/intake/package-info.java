/** Events published by intake-service on {@link ca.passerelle.events.Topics#INTAKE}: pseudonymous, never a direct identifier. */
package ca.passerelle.events.intake;
