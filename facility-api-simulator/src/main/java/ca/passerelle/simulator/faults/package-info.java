/** The faults that can be switched on at run time to make the simulated API slow, failing, down or garbled. */
package ca.passerelle.simulator.faults;
