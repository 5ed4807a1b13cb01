/** Messaging adapter: turns travel-coordination events into rehabilitation-plan commands. */
package ca.passerelle.rehab.plan.messaging;
