package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.internal.Entries.ObjectMeta;
import java.time.Instant;

/** {@code If-Match}, {@code If-Unmodified-Since} (412) and {@code If-None-Match}, {@code If-Modified-Since} (304). */
final class Conditions {

    private Conditions() {
    }

    static void check(Exchange ex, ObjectMeta meta) {
        long modifiedSecond = meta.lastModifiedMillis() / 1000;
        String ifMatch = ex.header("if-match");
        if (ifMatch != null && !matches(ifMatch, meta.etag())) {
            throw precondition("If-Match");
        }
        Instant unmodifiedSince = Dates.parseHttp(ex.header("if-unmodified-since"));
        if (unmodifiedSince != null && modifiedSecond > unmodifiedSince.getEpochSecond()) {
            throw precondition("If-Unmodified-Since");
        }
        String ifNoneMatch = ex.header("if-none-match");
        if (ifNoneMatch != null && matches(ifNoneMatch, meta.etag())) {
            throw notModified();
        }
        Instant modifiedSince = Dates.parseHttp(ex.header("if-modified-since"));
        if (ifNoneMatch == null && modifiedSince != null && modifiedSecond <= modifiedSince.getEpochSecond()) {
            throw notModified();
        }
    }

    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim().replace("\"", "");
            if (tag.equals("*") || tag.equalsIgnoreCase(etag)) {
                return true;
            }
        }
        return false;
    }

    private static OssError precondition(String header) {
        return new OssError(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not "
                + "hold.").field("Condition", header).ec("0026-00000001");
    }

    private static OssError notModified() {
        return new OssError(304, "NotModified", "The object has not been modified.");
    }
}
