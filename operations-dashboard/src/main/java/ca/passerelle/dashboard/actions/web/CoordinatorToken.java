package ca.passerelle.dashboard.actions.web;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in coordinator's own access token (audience {@code passerelle}, role COORDINATOR), kept with the login
 * session by the OAuth2 client of registration {@value #REGISTRATION}: the dashboard relays it to the service that owns
 * the data so that the service itself checks and records who acted. Never a service token of the dashboard's.
 */
@Component
public class CoordinatorToken {

    /** The coordinators' login registration (public client {@code operations-dashboard-web}, PKCE). */
    public static final String REGISTRATION = "passerelle-web";

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final Clock clock;

    CoordinatorToken(OAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
        this.authorizedClients = authorizedClients;
        this.clock = clock;
    }

    /** The access token of this session's login, unless there is none or it has expired (sign in again). */
    public Optional<String> of(Authentication authentication, HttpServletRequest request) {
        if (authentication == null) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(REGISTRATION, authentication, request);
        if (client == null || client.getAccessToken() == null) {
            return Optional.empty();
        }
        OAuth2AccessToken token = client.getAccessToken();
        if (token.getExpiresAt() != null && !token.getExpiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(token.getTokenValue());
    }
}
