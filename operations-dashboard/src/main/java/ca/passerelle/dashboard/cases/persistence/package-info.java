/** MongoDB queries over the case summaries. */
package ca.passerelle.dashboard.cases.persistence;
