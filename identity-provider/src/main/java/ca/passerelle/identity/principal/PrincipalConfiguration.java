package ca.passerelle.identity.principal;

import ca.passerelle.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The configured users (login form) and clients (token endpoint), held in memory. */
@Configuration(proxyBeanMethods = false)
class PrincipalConfiguration {

  /** Delegating encoder, BCrypt for what it encodes; checks client secrets as well as user passwords. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  PrincipalDirectory principalDirectory(IdentityProperties properties) {
    return new PrincipalDirectory(properties);
  }

  @Bean
  UserDetailsService userDetailsService(IdentityProperties properties, PasswordEncoder encoder) {
    return new InMemoryUserDetailsManager(properties.users().stream()
        .map(user -> User.withUsername(user.id())
            .password(Secrets.stored(user.password(), encoder))
            .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
            .build())
        .toList());
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder) {
    return new InMemoryRegisteredClientRepository(RegisteredClients.from(properties, encoder));
  }
}
