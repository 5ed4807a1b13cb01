/** Events published by facility-gateway on {@link ca.passerelle.events.Topics#FACILITY_STATUS}: the health of the external API. */
package ca.passerelle.events.facility;
