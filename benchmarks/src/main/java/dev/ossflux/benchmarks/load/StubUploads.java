package dev.ossflux.benchmarks.load;

import dev.ossflux.core.Crc64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stub server's multipart uploads: the CRC-64 and size of each part it received, combined into
 * the object's CRC-64 when the upload completes, as OSS does. Nothing of the bytes is kept.
 */
final class StubUploads {

    /** The CRC-64 and size of one part. */
    record Part(long crc64, long size) {
    }

    /** What a completed upload answers: its CRC-64, or nothing when a listed part is missing. */
    record Completed(long crc64, int parts) {
    }

    private static final Pattern PART_NUMBER = Pattern.compile("<PartNumber>\\s*(\\d+)\\s*</PartNumber>");

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Map<Integer, Part>> open = new ConcurrentHashMap<>();

    String initiate() {
        String id = "stub" + Long.toHexString(ids.incrementAndGet());
        open.put(id, new ConcurrentSkipListMap<>());
        return id;
    }

    /** Records a part; false when the upload is unknown. */
    boolean part(String uploadId, int number, Part part) {
        Map<Integer, Part> parts = open.get(uploadId);
        if (parts == null) {
            return false;
        }
        parts.put(number, part);
        return true;
    }

    /** Completes the upload with the parts its XML body lists, in that order; null when it cannot. */
    Completed complete(String uploadId, String body) {
        Map<Integer, Part> parts = open.remove(uploadId);
        if (parts == null) {
            return null;
        }
        long crc = 0;
        int count = 0;
        Matcher number = PART_NUMBER.matcher(body);
        while (number.find()) {
            Part part = parts.get(Integer.parseInt(number.group(1)));
            if (part == null) {
                return null;
            }
            crc = Crc64.combine(crc, part.crc64(), part.size());
            count++;
        }
        return count == 0 ? null : new Completed(crc, count);
    }

    void abort(String uploadId) {
        open.remove(uploadId);
    }
}
