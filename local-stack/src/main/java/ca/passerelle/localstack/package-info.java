/** The one-command local run: a Kafka broker process, a MongoDB wire-protocol server on an H2 file, the simulator and every service, with demo data. */
package ca.passerelle.localstack;
