/** What every dashboard page shares: the language (French first, {@code ?lang=en}) and how dates are shown. */
package ca.passerelle.dashboard.web;
