/** Real Kafka and MongoDB for integration tests: local servers without Docker, Testcontainers with it. */
package ca.passerelle.testinfra;
