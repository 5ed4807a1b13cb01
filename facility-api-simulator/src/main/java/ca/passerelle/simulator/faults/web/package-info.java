/** HTTP adapter of the faults: the {@code /admin/faults} switches and the filter that applies them to {@code /v1}. */
package ca.passerelle.simulator.faults.web;
