/** Facility directory, availability and slot holds as the gateway serves them: fresh from upstream, or last-known and marked stale. */
package ca.passerelle.gateway.facility;
