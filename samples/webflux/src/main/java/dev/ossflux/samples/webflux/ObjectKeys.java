package dev.ossflux.samples.webflux;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Object keys for uploaded files: {@code uploads/<random id>/<safe file name>}. */
final class ObjectKeys {

    /** Longest file name kept, in characters; OSS allows keys of 1,023 bytes. */
    static final int MAX_NAME_LENGTH = 120;

    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");

    private ObjectKeys() {
    }

    /**
     * A random version 4 UUID from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} reads
     * {@code /dev/urandom} through a blocking stream, which must not happen on an event loop. Upload ids
     * only keep keys apart; they are not secrets.
     */
    static String newUploadId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(most, least).toString();
    }

    static String key(String uploadId, String filename) {
        return "uploads/" + uploadId + "/" + safeName(filename);
    }

    /**
     * The last segment of a browser-supplied file name, with every run of characters other than
     * letters, digits, {@code .}, {@code _} and {@code -} replaced by {@code _}, no leading dots, and at
     * most {@value #MAX_NAME_LENGTH} characters, cut between code points (never inside a surrogate pair);
     * {@code file} when nothing is left.
     */
    static String safeName(String filename) {
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        name = UNSAFE.matcher(name).replaceAll("_").replaceFirst("^\\.+", "");
        if (name.length() > MAX_NAME_LENGTH) {
            int start = name.length() - MAX_NAME_LENGTH;
            name = name.substring(Character.isLowSurrogate(name.charAt(start)) ? start + 1 : start);
        }
        return name.isEmpty() ? "file" : name;
    }
}
