/** The case summary read model: where each case stands on the pathway and what happened to it, built from the case events. */
package ca.passerelle.dashboard.cases;
