package ca.passerelle.intake.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;

class RamqLookupTest {

    @BeforeAll
    static void registerTink() throws GeneralSecurityException {
        DeterministicAeadConfig.register();
    }

    @Test
    void givesEqualNumbersEqualValuesThatDoNotShowTheNumber() throws GeneralSecurityException {
        RamqLookup lookup = new RamqLookup(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));

        String value = lookup.valueOf("TREM74531214");

        assertThat(lookup.valueOf("TREM74531214")).isEqualTo(value);
        assertThat(lookup.valueOf("TREM74531224")).isNotEqualTo(value);
        assertThat(value).doesNotContain("TREM", "7453");
    }

    @Test
    void dependsOnTheKey() throws GeneralSecurityException {
        RamqLookup one = new RamqLookup(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
        RamqLookup other = new RamqLookup(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));

        assertThat(one.valueOf("TREM74531214")).isNotEqualTo(other.valueOf("TREM74531214"));
    }

    @Test
    void stillFindsValuesOfTheOldKeyAfterRotation() throws GeneralSecurityException {
        KeysetHandle old = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
        String storedBefore = new RamqLookup(old).valueOf("TREM74531214");
        RamqLookup rotated = new RamqLookup(KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV).withRandomId()
                        .makePrimary())
                .build());

        assertThat(rotated.valueOf("TREM74531214")).isNotEqualTo(storedBefore);
        assertThat(rotated.candidatesFor("TREM74531214")).hasSize(2).contains(storedBefore, rotated.valueOf("TREM74531214"));
    }
}
