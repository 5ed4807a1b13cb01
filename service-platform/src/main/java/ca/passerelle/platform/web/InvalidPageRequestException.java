package ca.passerelle.platform.web;

/** A page number below zero, or a page size below one or above the configured maximum: answered 400, never clamped. */
public class InvalidPageRequestException extends RuntimeException {

    public InvalidPageRequestException(int maxPageSize) {
        super("page must be 0 or more and size between 1 and " + maxPageSize);
    }
}
