package dev.ossflux.core;

/** The OSS storage classes, sent as {@code x-oss-storage-class}. */
public enum StorageClass {
    STANDARD("Standard"),
    IA("IA"),
    ARCHIVE("Archive"),
    COLD_ARCHIVE("ColdArchive"),
    DEEP_COLD_ARCHIVE("DeepColdArchive");

    private final String headerValue;

    StorageClass(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
