package ca.passerelle.identity.principal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class SecretsTest {

  private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void encodesAPlainValueWithBcrypt() {
    String stored = Secrets.stored("demo-coordonnatrice", encoder);

    assertThat(stored).startsWith("{bcrypt}").doesNotContain("demo-coordonnatrice");
    assertThat(encoder.matches("demo-coordonnatrice", stored)).isTrue();
  }

  @Test
  void keepsAValueTheOperatorEncodedAlready() {
    String encoded = encoder.encode("a-real-secret");

    assertThat(Secrets.stored(encoded, encoder)).isEqualTo(encoded);
    assertThat(encoder.matches("a-real-secret", Secrets.stored(encoded, encoder))).isTrue();
  }
}
