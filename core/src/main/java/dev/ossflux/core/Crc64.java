package dev.ossflux.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected, init and xorout all ones), the checksum OSS returns
 * in {@code x-oss-hash-crc64ecma}.
 *
 * <p>Values are finished CRCs, so {@code update(crc(a), b) == crc(a ‖ b)} and
 * {@code combine(crc(a), crc(b), b.length) == crc(a ‖ b)}. Inputs of 1.5 KiB and more are cut into
 * blocks of three lanes hashed in one interleaved slice-by-8 loop, whose independent table lookups
 * overlap in the CPU; the lanes are then joined with a constant-time shift. Three lanes keep every
 * register of the loop in a register on x86-64 (four spill), and the eight tables are one array, so
 * that they need one base register. Lanes are 8 KiB, then halved down to 512 bytes for what is left,
 * so that small bodies (a 16 KiB PutObject) take the fast path too. Bytes are read from arrays;
 * a buffer without an accessible array is copied in blocks into a per-thread array first, which costs
 * less than reading it through the buffer.
 */
public final class Crc64 {

    static final long POLY = 0xC96C5795D7870F42L;
    private static final int LANES = 3;
    private static final int LANE = 8192;
    private static final int SMALLEST_LANE = 512;
    private static final int BLOCK = LANES * LANE;
    /** The slice-by-8 tables one after the other: table k at {@code k << 8}; table 0 is the byte-wise one. */
    private static final long[] TABLE = tables();
    /** {@code X_POW_2K[k]} is x^(2^k) modulo the polynomial, in the reflected domain. */
    private static final long[] X_POW_2K = powersOfTwo();
    /** {@code SHIFTS[row][k]} appends {@code k} lanes of zeros, for lanes of {@code LANE >> row} bytes. */
    private static final long[][] SHIFTS = shifts();
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final ThreadLocal<byte[]> COPIES = ThreadLocal.withInitial(() -> new byte[BLOCK]);

    private Crc64() {
    }

    /** The CRC of {@code data[offset, offset + length)} continued from {@code crc}. */
    public static long update(long crc, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return ~hash(~crc, data, offset, offset + length);
    }

    public static long update(long crc, byte[] data) {
        return update(crc, data, 0, data.length);
    }

    /** The CRC of the remaining bytes of {@code buffer} continued from {@code crc}; the position is not moved. */
    public static long update(long crc, ByteBuffer buffer) {
        int position = buffer.position();
        int limit = buffer.limit();
        if (buffer.hasArray()) {
            int base = buffer.arrayOffset();
            return ~hash(~crc, buffer.array(), base + position, base + limit);
        }
        byte[] copy = COPIES.get();
        long r = ~crc;
        for (int i = position; i < limit; i += copy.length) {
            int n = Math.min(copy.length, limit - i);
            buffer.get(i, copy, 0, n);
            r = hash(r, copy, 0, n);
        }
        return ~r;
    }

    /** The CRC of the remaining bytes of {@code buffers}, in order, continued from {@code crc}; positions stay. */
    public static long update(long crc, ByteBuffer... buffers) {
        long value = crc;
        for (ByteBuffer buffer : buffers) {
            value = update(value, buffer);
        }
        return value;
    }

    public static long of(byte[] data) {
        return update(0, data, 0, data.length);
    }

    /** {@code crc(a ‖ b)} from {@code crcA = crc(a)}, {@code crcB = crc(b)} and {@code lengthB = b.length}. */
    public static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB < 0) {
            throw new IllegalArgumentException("lengthB must not be negative: " + lengthB);
        }
        return lengthB == 0 ? crcA : multiply(xPow8n(lengthB), crcA) ^ crcB;
    }

    /** Parses the unsigned decimal form OSS sends. */
    public static long parse(String unsignedDecimal) {
        return Long.parseUnsignedLong(unsignedDecimal);
    }

    /** The unsigned decimal form OSS sends. */
    public static String format(long crc) {
        return Long.toUnsignedString(crc);
    }

    /**
     * Feeds {@code data[i, end)} to the raw register {@code r}: blocks of the largest lane size that
     * fits, from one call site (C2 then compiles {@code block} once, as a small method of its own;
     * two sites inlined into this one cost a fifth of the speed), then 8 bytes and single bytes.
     */
    private static long hash(long r, byte[] data, int i, int end) {
        int row = 0;
        while (end - i >= LANES * SMALLEST_LANE) {
            while (end - i < LANES * (LANE >> row)) {
                row++;
            }
            r = block(r, data, i, LANE >> row, SHIFTS[row]);
            i += LANES * (LANE >> row);
        }
        while (end - i >= 8) {
            r = step8(r, (long) LONG_LE.get(data, i));
            i += 8;
        }
        while (i < end) {
            r = TABLE[(int) (r ^ data[i++]) & 0xFF] ^ (r >>> 8);
        }
        return r;
    }

    /** Feeds the three lanes of {@code lane} bytes from {@code start} to {@code r}; {@code shift} joins them. */
    private static long block(long r, byte[] data, int start, int lane, long[] shift) {
        long a = r;
        long b = 0;
        long c = 0;
        int ib = start + lane;
        int ic = start + 2 * lane;
        for (int n = 0; n < lane; n += 8) {
            a = step8(a, (long) LONG_LE.get(data, start + n));
            b = step8(b, (long) LONG_LE.get(data, ib + n));
            c = step8(c, (long) LONG_LE.get(data, ic + n));
        }
        return multiply(shift[2], a) ^ multiply(shift[1], b) ^ c;
    }

    private static long step8(long r, long word) {
        long x = r ^ word;
        long[] t = TABLE;
        return t[0x700 + ((int) x & 0xFF)]
                ^ t[0x600 + ((int) (x >>> 8) & 0xFF)]
                ^ t[0x500 + ((int) (x >>> 16) & 0xFF)]
                ^ t[0x400 + ((int) (x >>> 24) & 0xFF)]
                ^ t[0x300 + ((int) (x >>> 32) & 0xFF)]
                ^ t[0x200 + ((int) (x >>> 40) & 0xFF)]
                ^ t[0x100 + ((int) (x >>> 48) & 0xFF)]
                ^ t[(int) (x >>> 56)];
    }

    /**
     * a·b modulo the polynomial, both in the reflected domain (bit 63 is x^0). Branch-free: the bits
     * of the lane shifts are random, so a branch per bit would be mispredicted half the time.
     */
    static long multiply(long a, long b) {
        long product = 0;
        for (int bit = 63; bit >= 0; bit--) {
            product ^= b & -((a >>> bit) & 1);
            b = (b >>> 1) ^ (POLY & -(b & 1));
        }
        return product;
    }

    /** For each lane size from {@code LANE} halved down to {@code SMALLEST_LANE}: x^(8·k·lane) for k = 0 to 2. */
    private static long[][] shifts() {
        int rows = Integer.numberOfTrailingZeros(LANE / SMALLEST_LANE) + 1;
        long[][] shifts = new long[rows][];
        for (int row = 0; row < rows; row++) {
            long lane = LANE >> row;
            shifts[row] = new long[] {1L << 63, xPow8n(lane), xPow8n(2 * lane)};
        }
        return shifts;
    }

    /** x^(8n) modulo the polynomial: the operator that appends n zero bytes. */
    private static long xPow8n(long n) {
        long p = 1L << 63;
        int k = 3;
        for (long bits = n; bits != 0; bits >>>= 1, k++) {
            if ((bits & 1) != 0) {
                p = multiply(X_POW_2K[k & 63], p);
            }
        }
        return p;
    }

    private static long[] powersOfTwo() {
        long[] powers = new long[64];
        powers[0] = 1L << 62;
        for (int k = 1; k < 64; k++) {
            powers[k] = multiply(powers[k - 1], powers[k - 1]);
        }
        return powers;
    }

    private static long[] tables() {
        long[] t = new long[8 * 256];
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            t[i] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                long previous = t[((k - 1) << 8) + i];
                t[(k << 8) + i] = (previous >>> 8) ^ t[(int) (previous & 0xFF)];
            }
        }
        return t;
    }
}
