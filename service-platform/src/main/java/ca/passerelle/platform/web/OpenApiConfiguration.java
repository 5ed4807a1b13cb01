package ca.passerelle.platform.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI description every servlet service serves at {@code /v3/api-docs} (springdoc, generated from the
 * controllers): titled after the application, with the bearer-token scheme of the platform's resource server required
 * by every operation, and a relative server so that the document is the same wherever the service runs.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class OpenApiConfiguration {

    /** The name of the security scheme in {@code components.securitySchemes}. */
    public static final String BEARER_SCHEME = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI passerelleOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String name = environment.getProperty("spring.application.name", "passerelle-service");
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("unversioned");
        return new OpenAPI()
                .info(new Info().title(name).version(version)
                        .description("HTTP API of " + name + ". Errors are RFC 9457 application/problem+json; "
                                + "who may call each route is in docs/security-model.md."))
                .servers(List.of(new Server().url("/").description(name)))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from the Passerelle identity provider (audience passerelle, roles claim)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
