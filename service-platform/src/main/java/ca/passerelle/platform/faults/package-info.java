/**
 * Test-only fault injection for the reliability suite: switches, all off by default, that make this service's event
 * handlers slow or throw an {@link java.lang.Error}. Never set them in a deployment (compose, Kubernetes, the local run).
 */
package ca.passerelle.platform.faults;
