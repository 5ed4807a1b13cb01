/** Consumes the four case topics into the case summaries. */
package ca.passerelle.dashboard.cases.messaging;
