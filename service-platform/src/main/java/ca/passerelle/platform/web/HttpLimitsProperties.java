package ca.passerelle.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Input limits every servlet service applies before its own code runs.
 *
 * @param maxRequestBytes the largest request body accepted (declared {@code Content-Length} or bytes actually read
 *        from a chunked body); beyond it the answer is 413. A plain number is bytes; {@code 1MB} is 1 MiB
 * @param requestSizeOverrides larger (or smaller) caps for some routes; the first override whose method and path
 *        pattern match a request applies instead of {@code maxRequestBytes}
 * @param maxPageSize the largest page a client may ask for; a larger or negative page size or a negative page number is
 *        refused with 400, never silently clamped
 */
@Validated
@ConfigurationProperties("passerelle.http")
public record HttpLimitsProperties(
        @NotNull @DefaultValue("1MB") DataSize maxRequestBytes,
        @NotNull @DefaultValue List<@Valid SizeOverride> requestSizeOverrides,
        @Min(1) @Max(10_000) @DefaultValue("100") int maxPageSize) {

    public HttpLimitsProperties {
        if (maxRequestBytes != null && maxRequestBytes.toBytes() < 1) {
            throw new IllegalArgumentException("passerelle.http.max-request-bytes must be at least 1 byte");
        }
        requestSizeOverrides = requestSizeOverrides == null ? List.of() : List.copyOf(requestSizeOverrides);
    }

    /**
     * One route with its own body cap, e.g. {@code pattern: /api/cases/*\/documents}, {@code method: POST},
     * {@code max-bytes: 21MB}.
     *
     * @param pattern a Spring {@code PathPattern} ({@code *} one segment, {@code **} the rest, {@code {id}} a variable)
     * @param method the HTTP method it applies to; every method when absent
     * @param maxBytes the cap on the body of a matching request
     */
    public record SizeOverride(@NotBlank String pattern, HttpMethod method, @NotNull DataSize maxBytes) {

        public SizeOverride {
            if (pattern != null && !pattern.isBlank()) {
                // Fails the binding at start, naming the property, when the pattern is not a valid PathPattern.
                PathPatternParser.defaultInstance.parse(pattern);
            }
            if (maxBytes != null && maxBytes.toBytes() < 1) {
                throw new IllegalArgumentException("passerelle.http.request-size-overrides[].max-bytes must be at least 1 byte");
            }
        }
    }
}
