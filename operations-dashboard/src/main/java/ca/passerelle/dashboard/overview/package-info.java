/** The overview: the pathway funnel, terminal outcomes, dead letters and the facility API, on one screen. */
package ca.passerelle.dashboard.overview;
