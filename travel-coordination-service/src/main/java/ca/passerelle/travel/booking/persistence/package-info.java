/** MongoDB queries over the bookings collection; writes go through the platform's AggregateStore. */
package ca.passerelle.travel.booking.persistence;
