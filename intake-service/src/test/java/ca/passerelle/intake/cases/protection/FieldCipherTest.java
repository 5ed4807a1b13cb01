package ca.passerelle.intake.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

class FieldCipherTest {

    private static final byte[] NAME = "Tremblay".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void registerTink() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @Test
    void opensWhatItSealedForTheSameCaseAndField() throws GeneralSecurityException {
        FieldCipher cipher = new FieldCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));

        byte[] sealed = cipher.seal("c-1", "patient.familyNameAtBirth", NAME);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Tremblay");
        assertThat(cipher.open("c-1", "patient.familyNameAtBirth", sealed)).isEqualTo(NAME);
        assertThat(cipher.seal("c-1", "patient.familyNameAtBirth", NAME)).as("random nonce").isNotEqualTo(sealed);
    }

    @Test
    void refusesCiphertextMovedToAnotherCaseOrField() throws GeneralSecurityException {
        FieldCipher cipher = new FieldCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        byte[] sealed = cipher.seal("c-1", "patient.familyNameAtBirth", NAME);

        assertThatThrownBy(() -> cipher.open("c-2", "patient.familyNameAtBirth", sealed)).isInstanceOf(ProtectionFailedException.class)
                .hasMessage("field patient.familyNameAtBirth failed its integrity check");
        assertThatThrownBy(() -> cipher.open("c-1", "patient.firstName", sealed)).isInstanceOf(ProtectionFailedException.class);
    }

    @Test
    void keepsOpeningOldCiphertextAfterRotationAndSealsNewOnesWithTheNewPrimary() throws GeneralSecurityException {
        KeysetHandle keysetA = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        byte[] sealedUnderA = new FieldCipher(keysetA).seal("c-1", "patient.email", NAME);
        // The keyset travels as Tink JSON through configuration, as in production.
        String rotatedJson = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.newBuilder(keysetA)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build(), InsecureSecretKeyAccess.get());
        KeysetHandle keysetAB = ProtectionConfiguration.keyset("test", rotatedJson, null);
        int keyB = keysetAB.getPrimary().getId();
        FieldCipher rotated = new FieldCipher(keysetAB);

        byte[] sealedUnderB = rotated.seal("c-1", "patient.email", NAME);

        assertThat(keyB).isNotEqualTo(keysetA.getPrimary().getId());
        assertThat(rotated.open("c-1", "patient.email", sealedUnderA)).isEqualTo(NAME);
        assertThat(keyIdOf(sealedUnderA)).isEqualTo(keysetA.getPrimary().getId());
        assertThat(keyIdOf(sealedUnderB)).isEqualTo(keyB);
        assertThatThrownBy(() -> new FieldCipher(keysetA).open("c-1", "patient.email", sealedUnderB))
                .as("B's ciphertext needs B").isInstanceOf(ProtectionFailedException.class);
    }

    @Test
    void stopsOpeningCiphertextOfAKeyOnceItIsDisabled() throws GeneralSecurityException {
        KeysetHandle keysetA = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        byte[] sealedUnderA = new FieldCipher(keysetA).seal("c-1", "patient.phone", NAME);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keysetA);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary());
        builder.getAt(0).setStatus(KeyStatus.DISABLED);

        FieldCipher withoutA = new FieldCipher(builder.build());

        assertThatThrownBy(() -> withoutA.open("c-1", "patient.phone", sealedUnderA)).isInstanceOf(ProtectionFailedException.class);
    }

    @Test
    void readsTheKeysetFromALocationAndNeverShowsItInProperties() throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
        KeysetHandle read = ProtectionConfiguration.keyset("test", null, new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8)));
        EncryptionProperties properties = new EncryptionProperties(json, null, json, null);

        assertThat(read.size()).isEqualTo(1);
        assertThat(properties.toString()).doesNotContain(json).doesNotContain("keyData").contains("<redacted>");
        assertThatThrownBy(() -> ProtectionConfiguration.keyset("passerelle.intake.encryption.keyset", "{\"not\":\"a keyset\"}", null))
                .hasMessage("passerelle.intake.encryption.keyset is not a valid Tink JSON keyset");
    }

    /** Tink's output prefix: a version byte, then the id of the key that sealed. */
    private static int keyIdOf(byte[] ciphertext) {
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
