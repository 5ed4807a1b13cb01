package ca.passerelle.dashboard.web.security;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.web.SecurityFilterChain;

import ca.passerelle.platform.security.AccessPolicy;
import ca.passerelle.platform.security.AccessRule;
import ca.passerelle.platform.security.ResourceServerSecurity;
import ca.passerelle.platform.security.SecurityConfiguration;
import ca.passerelle.platform.security.SecurityProperties;

/**
 * The dashboard's two doors, replacing the platform's single bearer-token chain (see docs/security-model.md):
 * <ol>
 * <li>{@code /api/**}: stateless, bearer tokens checked by the platform's {@link JwtDecoder} (signature, issuer,
 * audience, expiry), roles from the {@code roles} claim, the {@link AccessPolicy} rules under {@code /api/}, everything
 * else denied; 401/403 as problem+json.</li>
 * <li>everything else: the coordinators' browser session, opened by the OAuth2 authorization-code flow with PKCE at the
 * identity provider (registration {@value #LOGIN_REGISTRATION}); CSRF on; the other {@link AccessPolicy} rules;
 * health and info open for probes; everything else denied.</li>
 * </ol>
 * A bearer token opens no page and a session opens no API route.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    static final String API_PREFIX = "/api/";
    /** The client registration of the coordinators' login (public client {@code operations-dashboard-web}). */
    static final String LOGIN_REGISTRATION = "passerelle-web";


    /**
     * The platform's own paths, with bearer tokens as on every other service: the monitoring system's scrape path (role
     * OPERATOR) and the OpenAPI description (any role).
     */
    @Bean
    @Order(0)
    SecurityFilterChain dashboardMetricsSecurity(HttpSecurity http, JwtDecoder decoder) throws Exception {
        String[] paths = java.util.stream.Stream.concat(java.util.stream.Stream.of(SecurityConfiguration.PROMETHEUS_PATH),
                java.util.Arrays.stream(SecurityConfiguration.API_DOCS_PATHS)).toArray(String[]::new);
        http.securityMatcher(paths).requestCache(cache -> cache.disable());
        ResourceServerSecurity.bearerOnly(http, SecurityConfiguration.platformRules(), decoder);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain dashboardApiSecurity(HttpSecurity http, ObjectProvider<AccessPolicy> policies, JwtDecoder decoder) throws Exception {
        List<AccessRule> rules = rules(policies, DashboardSecurityConfiguration::isApiRule);
        http.securityMatcher(API_PREFIX + "**").requestCache(cache -> cache.disable());
        ResourceServerSecurity.bearerOnly(http, rules, decoder);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboardPagesSecurity(HttpSecurity http, ObjectProvider<AccessPolicy> policies) throws Exception {
        List<AccessRule> rules = rules(policies, Predicate.not(DashboardSecurityConfiguration::isApiRule));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(SecurityConfiguration.OPEN_PATHS).permitAll();
                    // the stylesheet carries no data; any signed-in user may load it (so that the 403 page is styled)
                    requests.requestMatchers("/css/**", "/js/**", "/webjars/**").authenticated();
                    ResourceServerSecurity.applyRules(requests, rules);
                    requests.anyRequest().denyAll();
                })
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RoleAuthorities())));
        return http.build();
    }

    /** ID tokens: the framework's OIDC checks (audience = our client, expiry, nonce…) plus the issuer, exactly. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(SecurityProperties properties) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> {
            OidcIdTokenValidator oidc = new OidcIdTokenValidator(registration);
            oidc.setClockSkew(properties.clockSkew());
            return new DelegatingOAuth2TokenValidator<>(oidc, new JwtIssuerValidator(properties.issuer()));
        });
        return factory;
    }

    static boolean isApiRule(AccessRule rule) {
        return rule.pattern().startsWith(API_PREFIX);
    }

    private static List<AccessRule> rules(ObjectProvider<AccessPolicy> policies, Predicate<AccessRule> which) {
        return policies.orderedStream().flatMap(policy -> policy.rules().stream()).filter(which).toList();
    }

}
