/** The dependency statuses in MongoDB. */
package ca.passerelle.dashboard.facility.persistence;
