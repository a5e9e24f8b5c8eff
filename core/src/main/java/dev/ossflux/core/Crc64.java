package dev.ossflux.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected, init and xorout all ones), the checksum OSS returns
 * in {@code x-oss-hash-crc64ecma}.
 *
 * <p>Values are finished CRCs, so {@code update(crc(a), b) == crc(a ‖ b)} and
 * {@code combine(crc(a), crc(b), b.length) == crc(a ‖ b)}. Inputs of 8 KiB and more are cut into
 * blocks of four lanes hashed in one interleaved slice-by-8 loop, whose independent table lookups
 * overlap in the CPU; the lanes are then joined with a constant-time shift. Blocks are 32 KiB, and
 * 16 or 8 KiB for what is left, so that small bodies (a 16 KiB PutObject) take the fast path too.
 */
public final class Crc64 {

    static final long POLY = 0xC96C5795D7870F42L;
    private static final int LANE = 8192;
    private static final int BLOCK = 4 * LANE;
    private static final long[][] TABLE = tables();
    private static final long[] T0 = TABLE[0];
    private static final long[] T1 = TABLE[1];
    private static final long[] T2 = TABLE[2];
    private static final long[] T3 = TABLE[3];
    private static final long[] T4 = TABLE[4];
    private static final long[] T5 = TABLE[5];
    private static final long[] T6 = TABLE[6];
    private static final long[] T7 = TABLE[7];
    /** {@code X_POW_2K[k]} is x^(2^k) modulo the polynomial, in the reflected domain. */
    private static final long[] X_POW_2K = powersOfTwo();
    /** {@code SHIFTS[k]} appends {@code k} lanes of zeros, for lanes of {@code LANE >> row} bytes. */
    private static final long[][] SHIFTS = {shifts(LANE), shifts(LANE >> 1), shifts(LANE >> 2)};
    private static final VarHandle LONG_LE =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Crc64() {
    }

    /** The CRC of {@code data[offset, offset + length)} continued from {@code crc}. */
    public static long update(long crc, byte[] data, int offset, int length) {
        return ~hash(~crc, ByteBuffer.wrap(data), offset, offset + length);
    }

    public static long update(long crc, byte[] data) {
        return update(crc, data, 0, data.length);
    }

    /** The CRC of the remaining bytes of {@code buffer} continued from {@code crc}; the position is not moved. */
    public static long update(long crc, ByteBuffer buffer) {
        return ~hash(~crc, buffer, buffer.position(), buffer.limit());
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

    /** Feeds the four lanes of {@code lane} bytes from {@code start} to {@code r}; {@code shift} joins them. */
    private static long block(long r, ByteBuffer data, int start, int lane, long[] shift) {
        long a = r;
        long b = 0;
        long c = 0;
        long d = 0;
        int ia = start;
        int ib = start + lane;
        int ic = start + 2 * lane;
        int id = start + 3 * lane;
        for (int n = 0; n < lane; n += 8) {
            a = step8(a, (long) LONG_LE.get(data, ia + n));
            b = step8(b, (long) LONG_LE.get(data, ib + n));
            c = step8(c, (long) LONG_LE.get(data, ic + n));
            d = step8(d, (long) LONG_LE.get(data, id + n));
        }
        return multiply(shift[3], a) ^ multiply(shift[2], b) ^ multiply(shift[1], c) ^ d;
    }

    /** Feeds {@code data[i, end)} to the raw register {@code r}. */
    private static long hash(long r, ByteBuffer data, int i, int end) {
        while (end - i >= BLOCK) {
            r = block(r, data, i, LANE, SHIFTS[0]);
            i += BLOCK;
        }
        for (int row = 1; row < SHIFTS.length; row++) {
            int lane = LANE >> row;
            if (end - i >= 4 * lane) {
                r = block(r, data, i, lane, SHIFTS[row]);
                i += 4 * lane;
            }
        }
        while (end - i >= 8) {
            r = step8(r, (long) LONG_LE.get(data, i));
            i += 8;
        }
        while (i < end) {
            r = T0[(int) (r ^ data.get(i++)) & 0xFF] ^ (r >>> 8);
        }
        return r;
    }

    private static long step8(long r, long word) {
        long x = r ^ word;
        return T7[(int) x & 0xFF]
                ^ T6[(int) (x >>> 8) & 0xFF]
                ^ T5[(int) (x >>> 16) & 0xFF]
                ^ T4[(int) (x >>> 24) & 0xFF]
                ^ T3[(int) (x >>> 32) & 0xFF]
                ^ T2[(int) (x >>> 40) & 0xFF]
                ^ T1[(int) (x >>> 48) & 0xFF]
                ^ T0[(int) (x >>> 56)];
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

    /** x^(8·k·lane) for k = 0 to 3: the operators that append k lanes of zeros. */
    private static long[] shifts(int lane) {
        return new long[] {1L << 63, xPow8n(lane), xPow8n(2L * lane), xPow8n(3L * lane)};
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

    private static long[][] tables() {
        long[][] t = new long[8][256];
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            t[0][i] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                t[k][i] = (t[k - 1][i] >>> 8) ^ t[0][(int) (t[k - 1][i] & 0xFF)];
            }
        }
        return t;
    }
}
