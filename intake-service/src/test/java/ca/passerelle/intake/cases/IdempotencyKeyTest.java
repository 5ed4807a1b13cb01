package ca.passerelle.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void scopesTheSameKeyToEachClinicSeparately() {
        IdempotencyKey key = new IdempotencyKey("retry-1", "fingerprint");

        assertThat(key.scopedTo("clinic-qc-laval-01")).isNotEqualTo(key.scopedTo("clinic-qc-montreal-01"));
        assertThat(key.scopedTo("clinic-qc-laval-01")).isEqualTo(new IdempotencyKey("retry-1", "other").scopedTo("clinic-qc-laval-01"));
    }

    @Test
    void neverConfusesAClinicAndKeyPairWithAnother() {
        assertThat(new IdempotencyKey("b:c", "f").scopedTo("a")).isNotEqualTo(new IdempotencyKey("c", "f").scopedTo("a:b"));
    }

    @Test
    void needsAClinicToBeScoped() {
        assertThatThrownBy(() -> new IdempotencyKey("k", "f").scopedTo(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
