package ca.passerelle.travel.booking.web;

/** The answer to a decline: the appointment is withdrawn; what the booking does next is not the hospital's business. */
record DeclineResponse(String appointmentId, String status) {

    static DeclineResponse declined(String appointmentId) {
        return new DeclineResponse(appointmentId, "DECLINED");
    }
}
