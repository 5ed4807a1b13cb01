package ca.passerelle.travel.feed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The patient as a partner hospital sees them: HMAC-SHA256, keyed with a secret of this service, of the hospital id and
 * the case id. Stable for one hospital (it can link a case's appointments), different between hospitals (two hospitals
 * cannot link their patients), and not reversible without the key. No name, RAMQ number or birth date goes into it.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String hospitalId, String caseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((hospitalId + "\n" + caseId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
