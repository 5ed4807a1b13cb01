/** A runnable stand-in for the external facility-availability API: directory, slots, holds, rate limit and faults. */
package ca.passerelle.simulator;
