package dev.ossflux.core;

/** How requests are signed: {@link #V4} (OSS4-HMAC-SHA256, the default) or the legacy {@link #V1} (HMAC-SHA1). */
public enum SignatureVersion {
    V1,
    V4
}
