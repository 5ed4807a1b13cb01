package ca.passerelle.intake.cases;

import ca.passerelle.events.intake.ConsentGrants;

/** The patient's consents per purpose; a purpose with no record counts as not granted. */
public record Consents(Consent careCoordination, Consent crossBorderCommunication, Consent research) {

    public boolean grantsCareCoordination() {
        return granted(careCoordination);
    }

    ConsentGrants grants() {
        return new ConsentGrants(granted(careCoordination), granted(crossBorderCommunication), granted(research));
    }

    private static boolean granted(Consent consent) {
        return consent != null && consent.granted();
    }
}
