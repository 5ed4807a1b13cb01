package ca.passerelle.localstack;

/** The runnable parts of Passerelle, in start order, with whether they need the broker and the database. */
public enum Component {
    IDENTITY_PROVIDER("identity-provider", false),
    FACILITY_API_SIMULATOR("facility-api-simulator", false),
    FACILITY_GATEWAY("facility-gateway", true),
    INTAKE("intake-service", true),
    ASSESSMENT("assessment-service", true),
    TRAVEL("travel-coordination-service", true),
    REHAB("rehab-followup-service", true),
    DASHBOARD("operations-dashboard", true);

    private final String module;
    private final boolean usesInfrastructure;

    Component(String module, boolean usesInfrastructure) {
        this.module = module;
        this.usesInfrastructure = usesInfrastructure;
    }

    public String module() {
        return module;
    }

    public boolean usesInfrastructure() {
        return usesInfrastructure;
    }
}
