/** Messaging adapter: turns intake and travel-coordination events into rehabilitation-plan commands. */
package ca.passerelle.rehab.plan.messaging;
