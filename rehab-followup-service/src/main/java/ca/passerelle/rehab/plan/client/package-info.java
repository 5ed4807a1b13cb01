/** The HTTP client of facility-gateway, through which the rehabilitation clinic of a case is chosen. */
package ca.passerelle.rehab.plan.client;
