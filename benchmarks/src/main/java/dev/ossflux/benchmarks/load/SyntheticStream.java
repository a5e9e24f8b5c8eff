package dev.ossflux.benchmarks.load;

import java.io.InputStream;
import java.util.Random;

/**
 * {@code length} bytes of a fixed random pattern, handed out by copying; it does not tell its
 * length ({@link #available()} is 0), as a socket or a pipe would not.
 */
final class SyntheticStream extends InputStream {

    private static final byte[] PATTERN = new byte[1024 * 1024 + 7];

    static {
        new Random(4).nextBytes(PATTERN);
    }

    private long remaining;
    private int position;

    SyntheticStream(long length) {
        this.remaining = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(Math.min(length, remaining), PATTERN.length - position);
        System.arraycopy(PATTERN, position, into, offset, n);
        position = (position + n) % PATTERN.length;
        remaining -= n;
        return n;
    }
}
