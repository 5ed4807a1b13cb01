/** The case summaries over HTTP: the REST API and the coordinators' case pages. */
package ca.passerelle.dashboard.cases.web;
