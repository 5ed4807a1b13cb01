/** The gateway's HTTP API over facilities, availability and holds, with problem+json for an unavailable upstream. */
package ca.passerelle.gateway.facility.web;
