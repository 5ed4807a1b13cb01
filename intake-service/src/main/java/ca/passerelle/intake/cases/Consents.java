package ca.passerelle.intake.cases;

import ca.passerelle.events.intake.ConsentGrants;
import ca.passerelle.events.intake.ConsentPurpose;

/** The patient's consents per purpose; a purpose with no record counts as not granted. */
public record Consents(Consent careCoordination, Consent crossBorderCommunication, Consent research) {

    public boolean grantsCareCoordination() {
        return granted(careCoordination);
    }

    /** The three yes/no flags, as events carry them. */
    public ConsentGrants inForce() {
        return grants();
    }

    ConsentGrants grants() {
        return new ConsentGrants(granted(careCoordination), granted(crossBorderCommunication), granted(research));
    }

    /** The same consents with the decision for one purpose replaced. */
    Consents with(ConsentPurpose purpose, Consent decision) {
        return switch (purpose) {
            case CARE_COORDINATION -> new Consents(decision, crossBorderCommunication, research);
            case CROSS_BORDER_COMMUNICATION -> new Consents(careCoordination, decision, research);
            case RESEARCH -> new Consents(careCoordination, crossBorderCommunication, decision);
        };
    }

    private static boolean granted(Consent consent) {
        return consent != null && consent.granted();
    }
}
