package dev.ossflux.benchmarks.load;

import dev.ossflux.core.Crc64;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * The bodies of the PutObject scenarios: random bytes seeded by their size, so that the same size
 * is the same body in every process and the stub server can answer its CRC-64 and MD5 from a table
 * instead of hashing what it receives.
 */
final class Payloads {

    private Payloads() {
    }

    /** The harness's body of {@code size} bytes. */
    static byte[] of(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** What a server answers for a known body: its CRC-64 and its MD5 as the quoted upper-case ETag OSS sends. */
    record Known(int size, long crc64, String etag) {

        static Known of(int size) {
            byte[] bytes = Payloads.of(size);
            try {
                byte[] md5 = MessageDigest.getInstance("MD5").digest(bytes);
                return new Known(size, Crc64.of(bytes), '"' + HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT)
                        + '"');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no MD5 in this JVM", e);
            }
        }
    }
}
