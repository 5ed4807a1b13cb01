/** HTTP view of the guarded dependencies' breaker state. */
package ca.passerelle.gateway.status.web;
