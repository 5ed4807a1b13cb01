package ca.passerelle.identity.server;

import static org.springframework.security.config.Customizer.withDefaults;

import ca.passerelle.identity.IdentityProperties;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the authorization server's endpoints (OAuth2, OpenID Connect discovery, JWKS, userinfo), then the
 * login form ({@link LoginPage}, French first), the anonymous health and info endpoints, and a 401/403 problem+json for everything else.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  private static final String LOGIN_PAGE = "/login";

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) throws Exception {
    http
        .oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(withDefaults());
        })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // The userinfo endpoint takes the access token it issued.
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
        // A browser that is not signed in yet is sent to the login form, then back to /oauth2/authorize.
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browserRequests()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain loginAndActuatorFilterChain(HttpSecurity http) throws Exception {
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
            .requestMatchers("/error").permitAll()
            // The login page with any query (?error, ?logout, ?lang=en): formLogin's permitAll matches exact URLs only.
            .requestMatchers(HttpMethod.GET, LOGIN_PAGE).permitAll()
            .anyRequest().authenticated())
        // Our own page (LoginPage, French first); the processing URL, field names and CSRF token stay Spring's.
        .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll())
        // The page loads nothing from elsewhere: no script, no external style, font or image.
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")))
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browserRequests())
            .defaultAuthenticationEntryPointFor(ProblemJsonResponses.unauthorized(), AnyRequestMatcher.INSTANCE)
            .accessDeniedHandler(ProblemJsonResponses.forbidden()));
    return http.build();
  }

  /** Requests that ask for HTML explicitly; {@code *}{@code /*} alone (curl, HTTP clients) does not count. */
  private static RequestMatcher browserRequests() {
    MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    return matcher;
  }
}
