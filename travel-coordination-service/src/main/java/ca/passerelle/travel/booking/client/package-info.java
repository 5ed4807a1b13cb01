/** The HTTP client of facility-gateway, the only door to the external facility-availability API. */
package ca.passerelle.travel.booking.client;
