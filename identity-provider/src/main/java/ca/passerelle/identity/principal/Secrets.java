package ca.passerelle.identity.principal;

import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Turns a configured password or client secret into the stored form the delegating password encoder checks. */
final class Secrets {

  /** {@code {bcrypt}$2a$...}, {@code {pbkdf2}...}: already encoded by the operator, kept as given. */
  private static final Pattern ENCODED = Pattern.compile("^\\{[A-Za-z0-9@._-]+}.+");

  private Secrets() {
  }

  static String stored(String configured, PasswordEncoder encoder) {
    return ENCODED.matcher(configured).matches() ? configured : encoder.encode(configured);
  }
}
