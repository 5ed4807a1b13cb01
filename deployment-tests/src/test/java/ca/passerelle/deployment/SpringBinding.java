package ca.passerelle.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What a service would see of a container's environment: Spring Boot's own relaxed binding over exactly these
 * variables (as the operating system environment), so a misspelt variable name is caught here, not in production.
 */
final class SpringBinding {

    private final String owner;
    private final Binder binder;

    SpringBinding(String owner, Map<String, String> environment) {
        this.owner = owner;
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment)));
        ConfigurationPropertySources.attach(spring);
        this.binder = Binder.get(spring);
    }

    String property(String name) {
        return binder.bind(name, String.class).orElse(null);
    }

    Map<String, String> map(String name) {
        return binder.bind(name, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    /** The settings every platform service needs from its environment, and what the module's configuration asks. */
    void assertServiceSettings(ServiceModule module, String issuer) {
        String as = owner + " " + module.name() + " ";
        module.localAddressProperties().forEach((property, local) -> assertThat(property(property)).as(as + property + " overridden")
                .isNotNull().doesNotContain("localhost").doesNotContain("127.0.0.1"));
        assertThat(property("passerelle.security.issuer")).as(as + "issuer").isEqualTo(issuer);
        assertThat(property("spring.security.oauth2.client.provider.passerelle.token-uri")).as(as + "token URI")
                .isEqualTo(issuer + "/protocol/openid-connect/token");
        for (String endpoint : module.providerEndpoints().keySet()) {
            assertThat(property(endpoint)).as(as + endpoint).startsWith(issuer + "/protocol/openid-connect/");
        }
        assertThat(map("management.metrics.distribution.percentiles-histogram")).as(as + "histograms")
                .containsEntry("http.server.requests", "true");
        assertThat(property("logging.structured.format.console")).as(as + "JSON logs").isEqualTo("ecs");
        if (module.usesMongo()) {
            assertThat(property("spring.mongodb.uri")).as(as + "MongoDB").contains("/" + module.applicationName() + "?replicaSet=rs0");
        }
    }
}
