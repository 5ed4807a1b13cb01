/** HTTP adapter of availability: slots of a facility and the hold lifecycle under {@code /v1}. */
package ca.passerelle.simulator.availability.web;
