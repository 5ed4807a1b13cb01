/** REST API of bookings for coordinators and of appointments for partner hospitals. */
package ca.passerelle.travel.booking.web;
