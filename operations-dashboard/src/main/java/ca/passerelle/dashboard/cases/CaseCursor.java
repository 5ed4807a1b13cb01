package ca.passerelle.dashboard.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import ca.passerelle.platform.web.InvalidInputException;

/**
 * Where the next page of the case list starts (keyset paging on the list's order: most recent movement first, then
 * case id): the last case of the previous page. Opaque to clients (URL-safe Base64).
 */
public record CaseCursor(Instant lastEventAt, String caseId) {

    public CaseCursor {
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(caseId, "caseId");
    }

    public static CaseCursor after(CaseSummary last) {
        return new CaseCursor(last.lastEventAt(), last.caseId());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((lastEventAt.toEpochMilli() + "|" + caseId).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this application issued; anything else is an {@link IllegalArgumentException} (never echoing the input). */
    public static CaseCursor decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 1 || bar == text.length() - 1) {
                throw new IllegalArgumentException("malformed");
            }
            return new CaseCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, bar))), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidInputException("after is not a cursor this API issued");
        }
    }
}
