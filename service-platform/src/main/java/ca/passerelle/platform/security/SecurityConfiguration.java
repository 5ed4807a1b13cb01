package ca.passerelle.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every Passerelle service is an OAuth2 resource server: RS256 tokens from the configured issuer, checked for
 * signature, issuer, audience, expiry and not-before (the framework's default validators kept, ours added), roles from
 * the {@code roles} claim. Health and info are open; the Prometheus scrape takes an {@code OPERATOR} token; each {@link AccessPolicy} rule opens one route to some roles;
 * everything else is denied.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"},
        afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class SecurityConfiguration {

    /** The registration id services use for their own client-credentials tokens. */
    public static final String SERVICE_CLIENT_REGISTRATION = "passerelle";
    /** Open to probes and anonymous callers. */
    public static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/error"};
    /** The metrics scrape path, for an {@link Role#OPERATOR} token (the {@code metrics-scraper} client) only. */
    public static final String PROMETHEUS_PATH = "/actuator/prometheus";
    /**
     * The service's OpenAPI description (springdoc): JSON, YAML and named groups. It holds no data but maps the API
     * surface, so it takes a valid token of any role rather than being open.
     */
    public static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    /**
     * Actuator routes that exist on purpose but are opened to nobody (the default deny answers them 403): the endpoint
     * index and the {@code metrics} endpoint, exposed so that the in-process {@code MetricsEndpoint} is available, read
     * by no caller. Named here so that {@link RouteInventory} counts them as decided, not forgotten.
     */
    public static final String[] DENIED_PATHS = {"/actuator", "/actuator/metrics", "/actuator/metrics/**"};

    /**
     * The routes the platform itself opens, applied with the service's own rules: the Prometheus scrape to
     * {@link Role#OPERATOR}, the OpenAPI description to any role. A service that builds its own chain (the dashboard)
     * adds them to its API rules.
     */
    public static List<AccessRule> platformRules() {
        List<AccessRule> rules = new java.util.ArrayList<>();
        rules.add(AccessRule.allow(HttpMethod.GET, PROMETHEUS_PATH, Role.OPERATOR));
        for (String path : API_DOCS_PATHS) {
            rules.add(new AccessRule(HttpMethod.GET, path, java.util.EnumSet.allOf(Role.class)));
        }
        return List.copyOf(rules);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuer())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(tokenValidator(properties));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> tokenValidator(SecurityProperties properties) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience()))));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain passerelleApiSecurity(HttpSecurity http, ObjectProvider<AccessPolicy> policies, JwtDecoder decoder) throws Exception {
        List<AccessRule> rules = java.util.stream.Stream.concat(platformRules().stream(),
                policies.orderedStream().flatMap(policy -> policy.rules().stream())).toList();
        return ResourceServerSecurity.bearerOnly(http, rules, decoder, OPEN_PATHS).build();
    }

    /**
     * For services that call other services: adds a client-credentials token from the {@value #SERVICE_CLIENT_REGISTRATION}
     * registration to each request of a RestClient. Present only when that registration is configured.
     */
    @Bean
    @ConditionalOnBean(ClientRegistrationRepository.class)
    @ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration." + SERVICE_CLIENT_REGISTRATION, name = "client-id")
    OAuth2ClientHttpRequestInterceptor serviceTokenInterceptor(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients));
        interceptor.setClientRegistrationIdResolver(request -> SERVICE_CLIENT_REGISTRATION);
        // The token belongs to the service, not to whoever's request is being served: one cached token per service.
        Authentication service = new AnonymousAuthenticationToken(SERVICE_CLIENT_REGISTRATION, SERVICE_CLIENT_REGISTRATION,
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        interceptor.setPrincipalResolver(request -> service);
        // A token the callee refuses (401/403) is dropped so the next call fetches a fresh one.
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }
}
