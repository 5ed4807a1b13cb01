/** The dead letters in MongoDB. */
package ca.passerelle.dashboard.deadletters.persistence;
