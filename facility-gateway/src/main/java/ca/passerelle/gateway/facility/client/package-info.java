/** The RestClient adapter to the external facility-availability API, guarded by the Resilience4j instances named facility-api. */
package ca.passerelle.gateway.facility.client;
