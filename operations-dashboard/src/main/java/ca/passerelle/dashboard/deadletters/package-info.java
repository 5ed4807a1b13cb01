/** Dead letters of every Passerelle consumer, collected from the {@code *.dlq} topics so coordinators see what failed and why. */
package ca.passerelle.dashboard.deadletters;
