/** The rebuild's replay of the Kafka topics through the live bindings' functions. */
package ca.passerelle.dashboard.rebuild.messaging;
