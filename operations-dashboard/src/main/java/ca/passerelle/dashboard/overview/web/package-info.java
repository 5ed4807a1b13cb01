/** The overview page. */
package ca.passerelle.dashboard.overview.web;
