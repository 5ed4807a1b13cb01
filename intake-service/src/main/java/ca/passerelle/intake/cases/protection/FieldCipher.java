package ca.passerelle.intake.cases.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * Seals one field of one case with AEAD (Tink AES256_GCM, random nonce). The associated data names the case and the field,
 * so a ciphertext copied to another case or another field does not open. New ciphertext uses the keyset's primary key;
 * ciphertext of every other enabled key still opens, which is what makes rotation possible.
 */
public class FieldCipher {

    private static final String CONTEXT = "passerelle.intake.case-field.v1";

    private final Aead aead;

    public FieldCipher(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the intake keyset holds no usable AEAD key", e);
        }
    }

    public byte[] seal(String caseId, String field, byte[] plaintext) {
        try {
            return aead.encrypt(plaintext, associatedData(caseId, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal field " + field, e);
        }
    }

    /** @throws ProtectionFailedException when the ciphertext does not belong to this case and field, or to no key held */
    public byte[] open(String caseId, String field, byte[] ciphertext) {
        try {
            return aead.decrypt(ciphertext, associatedData(caseId, field));
        } catch (GeneralSecurityException e) {
            throw new ProtectionFailedException("field " + field + " failed its integrity check", e);
        }
    }

    /** {@code <context>|<length of case id>:<case id>|<field>}: no case id and field can be mistaken for another pair. */
    static byte[] associatedData(String caseId, String field) {
        return (CONTEXT + "|" + caseId.length() + ":" + caseId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
