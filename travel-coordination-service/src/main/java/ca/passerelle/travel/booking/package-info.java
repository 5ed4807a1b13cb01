/** The surgery-booking saga: find partner hospitals in France with availability, hold a slot, get the hospital's answer, report the outcome. */
package ca.passerelle.travel.booking;
