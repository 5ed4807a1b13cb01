package ca.passerelle.events;

/** One topic per producing context; a breaking change makes a new versioned topic. */
public final class Topics {

    public static final String INTAKE = "passerelle.intake.case-events.v1";
    public static final String ASSESSMENT = "passerelle.assessment.case-events.v1";
    public static final String TRAVEL = "passerelle.travel.case-events.v1";
    public static final String REHAB = "passerelle.rehab.case-events.v1";
    public static final String FACILITY_STATUS = "passerelle.facility.status.v1";

    /** Dead letters of one consumer group on one topic: {@code <topic>.<group>.dlq}. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    private Topics() {
    }
}
