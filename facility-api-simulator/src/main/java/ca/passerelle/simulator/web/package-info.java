/** What every HTTP adapter shares: errors as RFC 9457 problem+json, from controllers and from filters alike. */
package ca.passerelle.simulator.web;
