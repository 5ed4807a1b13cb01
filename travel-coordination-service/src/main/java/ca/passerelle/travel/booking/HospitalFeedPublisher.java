package ca.passerelle.travel.booking;

/** Appends a notice to its hospital's feed. Appending the same notice twice (a retried step) changes nothing. */
public interface HospitalFeedPublisher {

    void append(FeedNotice notice);
}
