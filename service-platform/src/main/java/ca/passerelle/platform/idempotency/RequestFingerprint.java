package ca.passerelle.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 of a request as read, so that the same JSON with its keys in another order or other spacing is the same
 * request. What a service keeps with an {@code Idempotency-Key} to tell a retry (same fingerprint) from a different
 * request reusing the key. Only the digest is kept, never the request (it may carry health information).
 */
public final class RequestFingerprint {

    /** The request header a client sends to make a POST safe to retry. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Longest key accepted. */
    public static final int MAX_KEY_LENGTH = 128;
    /** The rule a reused key breaks (problem+json {@code rule}). */
    public static final String KEY_REUSED = "idempotency-key-reused";

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private RequestFingerprint() {
    }

    public static String of(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
