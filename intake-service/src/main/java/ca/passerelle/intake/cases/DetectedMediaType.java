package ca.passerelle.intake.cases;

import java.util.Arrays;
import java.util.Optional;

/** The document types a case accepts, recognised by their first bytes (magic numbers), never by a file name or header. */
public enum DetectedMediaType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] magic;

    DetectedMediaType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** What the content is; empty when it is none of the accepted types. */
    public static Optional<DetectedMediaType> of(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.startsIn(content)).findFirst();
    }

    private boolean startsIn(byte[] content) {
        return content != null && content.length >= magic.length
                && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
