package ca.passerelle.platform.web;

import java.io.IOException;

/**
 * A request body grew beyond its cap while it was being read (a chunked body has no {@code Content-Length} to check up
 * front): answered 413. An {@link IOException} so that it travels through message converters like any read failure.
 */
public class RequestTooLargeException extends IOException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
