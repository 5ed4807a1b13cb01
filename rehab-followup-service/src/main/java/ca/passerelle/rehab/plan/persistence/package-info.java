/** Persistence adapter: queries over plans and the MongoDB lock that keeps the follow-up sweep to one instance at a time. */
package ca.passerelle.rehab.plan.persistence;
