/** Consumes the facility-status topic. */
package ca.passerelle.dashboard.facility.messaging;
