package ca.passerelle.intake.cases.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/** SHA-256 of a request as read, so that the same JSON with its keys in another order or other spacing is the same request. */
final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private RequestFingerprint() {
    }

    static String of(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
