/** The projection rebuild: every read-model collection emptied and refilled by replaying the topics from their start. */
package ca.passerelle.dashboard.rebuild;
