/** facility-gateway: wraps the external facility-availability API behind timeouts, retries, a breaker and a last-known-answer cache. */
package ca.passerelle.gateway;
