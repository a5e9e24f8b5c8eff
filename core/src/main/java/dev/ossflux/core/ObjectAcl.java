package dev.ossflux.core;

/** Object access control, sent as {@code x-oss-object-acl}. */
public enum ObjectAcl {
    DEFAULT("default"),
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write");

    private final String headerValue;

    ObjectAcl(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
