package ca.passerelle.platform.security;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The bearer-token API security every Passerelle API gets, written once: stateless, no CSRF (no cookies), the open
 * paths, one rule per route, everything else denied, refusals as problem+json. A service with pages as well (the
 * dashboard) applies it to its API chain.
 */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {
    }

    public static HttpSecurity bearerOnly(HttpSecurity http, List<AccessRule> rules, JwtDecoder decoder, String... openPaths) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (openPaths.length > 0) {
                        requests.requestMatchers(openPaths).permitAll();
                    }
                    applyRules(requests, rules);
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /** Opens each rule's route to its roles. */
    public static void applyRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<AccessRule> rules) {
        for (AccessRule rule : rules) {
            requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
        }
    }

    /** Authorities {@code ROLE_<role>} from the {@code roles} claim. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Callers.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
