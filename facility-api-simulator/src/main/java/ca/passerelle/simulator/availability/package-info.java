/** Slots generated from the seed and the holds placed on them, kept in memory. */
package ca.passerelle.simulator.availability;
