/** Traces, logs and metrics every service shares: case id in the logs, the case-stage metrics API, tracing defaults. */
package ca.passerelle.platform.observability;
