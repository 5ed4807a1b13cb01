package ca.passerelle.dashboard;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the operations dashboard. With the argument {@value #REBUILD_ARGUMENT} (or the profile {@code rebuild}) it
 * rebuilds the read model from the topics instead, then exits (see README, "Rebuilding the read model").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OperationsDashboardApplication {

    static final String REBUILD_ARGUMENT = "--rebuild";
    static final String REBUILD_PROFILE = "rebuild";

    public static void main(String[] args) {
        boolean rebuild = Arrays.asList(args).contains(REBUILD_ARGUMENT);
        ConfigurableApplicationContext context = application(rebuild).run(args);
        if (rebuild || context.getEnvironment().matchesProfiles(REBUILD_PROFILE)) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** The application, in rebuild mode or not. */
    public static SpringApplication application(boolean rebuild) {
        SpringApplication application = new SpringApplication(OperationsDashboardApplication.class);
        if (rebuild) {
            application.setAdditionalProfiles(REBUILD_PROFILE);
        }
        return application;
    }
}
