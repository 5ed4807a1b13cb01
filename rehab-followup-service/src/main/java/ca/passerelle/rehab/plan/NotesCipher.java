package ca.passerelle.rehab.plan;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the free-text notes of a follow-up report at rest with AES-256-GCM (random 96-bit nonce); the associated data
 * names the case and the report, so a sealed note copied onto another report does not open. The key comes from
 * {@code passerelle.rehab.notes-key} (base64 of 32 bytes; the environment outside the local run). Notes never go on an
 * event, a log line or an error message.
 */
@Component
public class NotesCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public NotesCipher(@Value("${passerelle.rehab.notes-key}") String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("passerelle.rehab.notes-key must be base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("passerelle.rehab.notes-key must be 32 bytes (AES-256), base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String notes, String caseId, String reportId) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(caseId, reportId));
            byte[] sealed = cipher.doFinal(notes.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal follow-up notes", e);
        }
    }

    public String open(String sealed, String caseId, String reportId) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown sealed-notes format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(caseId, reportId));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open follow-up notes", e);
        }
    }

    private static byte[] associatedData(String caseId, String reportId) {
        return ("rehab-follow-up-notes|" + caseId + "|" + reportId).getBytes(StandardCharsets.UTF_8);
    }
}
