/** Events published by travel-coordination-service on {@link ca.passerelle.events.Topics#TRAVEL}: surgery scheduling in France and its outcome. */
package ca.passerelle.events.travel;
