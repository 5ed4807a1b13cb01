/** The listener of assessment events: a recommendation opens a booking, an urgent referral or a refusal cancels it. */
package ca.passerelle.travel.booking.messaging;
