/** The health of guarded dependencies as an aggregate whose state changes are published as events. */
package ca.passerelle.gateway.status;
