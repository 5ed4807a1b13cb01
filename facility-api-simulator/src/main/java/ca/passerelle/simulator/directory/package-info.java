/** The directory of partner facilities: French surgical hospitals and Québec clinics, fixed and deterministic. */
package ca.passerelle.simulator.directory;
