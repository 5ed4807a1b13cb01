/** The upstream rate limit of the simulated API: one token bucket shared by all callers. */
package ca.passerelle.simulator.ratelimit;
