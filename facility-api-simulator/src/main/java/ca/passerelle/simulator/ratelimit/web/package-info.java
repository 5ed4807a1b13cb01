/** HTTP adapter of the rate limit: the filter that answers 429 on {@code /v1} when the bucket is empty. */
package ca.passerelle.simulator.ratelimit.web;
