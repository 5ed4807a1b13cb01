/** HTTP adapter of the directory: {@code GET /v1/facilities}. */
package ca.passerelle.simulator.directory.web;
