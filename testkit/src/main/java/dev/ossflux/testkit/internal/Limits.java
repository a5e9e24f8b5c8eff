package dev.ossflux.testkit.internal;

/**
 * Caps that keep one client from exhausting the emulator's memory.
 *
 * @param maxObjectSize the largest PutObject or UploadPart body, also when it streams chunked (OSS: 5 GiB)
 * @param maxCompleteBody the largest CompleteMultipartUpload body (10,000 parts fit in well under 2 MiB)
 * @param maxCallbackReply the largest callback reply read (OSS: 3 MB); a longer one fails the callback
 * @param requestLogBytes about how many bytes of recorded requests are kept, for each of the taken and
 *     untaken logs; the oldest go first
 */
public record Limits(long maxObjectSize, int maxCompleteBody, int maxCallbackReply, long requestLogBytes) {

    public static final Limits DEFAULT = new Limits(5L * 1024 * 1024 * 1024, 2 * 1024 * 1024, 3 * 1024 * 1024,
            16L * 1024 * 1024);

    public Limits {
        if (maxObjectSize < 0 || maxCompleteBody < 0 || maxCallbackReply < 0 || requestLogBytes < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    public Limits withMaxObjectSize(long bytes) {
        return new Limits(bytes, maxCompleteBody, maxCallbackReply, requestLogBytes);
    }

    public Limits withRequestLogBytes(long bytes) {
        return new Limits(maxObjectSize, maxCompleteBody, maxCallbackReply, bytes);
    }
}
