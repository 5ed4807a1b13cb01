package ca.passerelle.events;

/** One topic per producing context; a breaking change makes a new versioned topic. */
public final class Topics {

    public static final String INTAKE = "passerelle.intake.case-events.v1";
    public static final String ASSESSMENT = "passerelle.assessment.case-events.v1";
    public static final String TRAVEL = "passerelle.travel.case-events.v1";
    public static final String REHAB = "passerelle.rehab.case-events.v1";
    public static final String FACILITY_STATUS = "passerelle.facility.status.v1";

    /**
     * The partner-hospital feed: one topic per hospital ({@code passerelle.hospital.<hospitalId>.appointments.v1}), so a
     * Kafka ACL on a literal topic name gives each hospital its own feed and nothing else.
     */
    public static String hospitalFeed(String hospitalId) {
        if (hospitalId == null || !hospitalId.matches("[a-z0-9][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("hospitalId must be lower-case letters, digits and dashes");
        }
        return "passerelle.hospital." + hospitalId + ".appointments.v1";
    }

    /** Dead letters of one consumer group on one topic: {@code <topic>.<group>.dlq}. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    private Topics() {
    }
}
