/** The dead letters over HTTP. */
package ca.passerelle.dashboard.deadletters.web;
