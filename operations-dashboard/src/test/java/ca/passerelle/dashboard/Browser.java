package ca.passerelle.dashboard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Test helper: the pages as a browser sees them, through the dashboard's real filter chains (MockMvc with Spring
 * Security), with the login session of a user the identity provider signed in (spring-security-test's
 * {@code oidcLogin()}: an ID token with the {@code roles} claim and the authorities the login maps from it).
 */
public final class Browser {

    private Browser() {
    }

    public static MockMvc of(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    public static OidcLoginRequestPostProcessor signedIn(String subject, String role) {
        return oidcLogin()
                .idToken(token -> token.subject(subject).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static OidcLoginRequestPostProcessor coordinator() {
        return signedIn("coordonnatrice", "COORDINATOR");
    }
}
