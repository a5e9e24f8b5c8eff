package dev.ossflux.benchmarks.load;

import java.util.List;

/**
 * One workload every contender runs against the same emulator.
 *
 * @param id 1 to 7, as numbered in the README
 * @param kind which upload path the workload exercises
 * @param objects how many objects (PutObject kinds and the batch's files) or 1 (file and stream)
 * @param objectBytes the size of each object, or of the file or stream; the batch's files vary
 *     ({@link BatchTree})
 * @param concurrency uploads in flight (PutObject kinds, batch) or parts in flight (multipart kinds)
 * @param partBytes the part size of the multipart kinds, else 0
 * @param warmupObjects objects uploaded in each warm-up round (PutObject kinds, batch); the multipart kinds
 *     warm up on a file or stream of {@code warmupBytes}
 * @param warmupBytes the size of the warm-up file or stream (multipart kinds)
 * @param warmupRounds the fewest warm-up rounds: ossflux's deeper pipeline needs tens of thousands of
 *     requests before the JIT has compiled it on two busy cores, whatever the clock says
 */
record Scenario(int id, String name, Kind kind, int objects, long objectBytes, int concurrency, long partBytes,
        int warmupObjects, long warmupBytes, int warmupRounds) {

    enum Kind {
        PUT, PUT_WITH_CALLBACK, FILE, STREAM, BATCH,
        /** PutObjects in a fresh JVM without warm-up, timed from the JVM's start: what a short batch job pays. */
        COLD
    }

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long GIB = 1024 * MIB;

    /**
     * The five scenarios of the benchmarks issue, the batch and the cold start, full size or scaled
     * down for {@code --quick}. The cold scenario's warm-up fields serve only the server's warm-up pass.
     */
    static List<Scenario> all(boolean quick) {
        int small = quick ? 1_000 : 10_000;
        int large = quick ? 32 : 256;
        long big = quick ? 128 * MIB : GIB;
        int files = quick ? 2_000 : 20_000;
        return List.of(
                new Scenario(1, "PutObject " + small + " x 16 KiB, concurrency 256", Kind.PUT, small, 16 * KIB, 256, 0,
                        quick ? 500 : 2_000, 0, quick ? 2 : 15),
                new Scenario(2, "PutObject " + large + " x 4 MiB, concurrency 32", Kind.PUT, large, 4 * MIB, 32, 0,
                        quick ? 16 : 64, 0, quick ? 2 : 12),
                new Scenario(3, "multipart file " + size(big) + ", 8 MiB parts, concurrency 8", Kind.FILE, 1, big, 8,
                        8 * MIB, 0, quick ? 64 * MIB : 256 * MIB, 2),
                new Scenario(4, "unknown-length stream " + size(big) + ", 8 MiB parts, concurrency 8", Kind.STREAM, 1,
                        big, 8, 8 * MIB, 0, quick ? 64 * MIB : 256 * MIB, 2),
                new Scenario(5, "PutObject " + small + " x 16 KiB with callback, concurrency 256",
                        Kind.PUT_WITH_CALLBACK, small, 16 * KIB, 256, 0, quick ? 500 : 2_000, 0, quick ? 2 : 5),
                new Scenario(6, "batch of " + files + " files of mixed sizes, 64 at once", Kind.BATCH, files,
                        BatchTree.totalBytes(files) / files, 64, 8 * MIB, quick ? 500 : 2_000, 0, quick ? 1 : 3),
                new Scenario(7, "cold start: a fresh JVM, PutObject " + small + " x 16 KiB, concurrency 256",
                        Kind.COLD, small, 16 * KIB, 256, 0, quick ? 500 : 2_000, 0, quick ? 2 : 5));
    }

    long totalBytes() {
        return kind == Kind.BATCH ? BatchTree.totalBytes(objects) : objects * objectBytes;
    }

    /**
     * Whether {@code contender} runs this scenario: the batch compares ossflux with the official SDK
     * only, and ossflux's {@code fromByteBuffer} row exists where bodies are in memory.
     */
    boolean runs(String contender) {
        if (contender.equals(Contender.OSSFLUX_BYTE_BUFFER)) {
            return puts();
        }
        return kind != Kind.BATCH || contender.equals(Contender.OSSFLUX) || contender.equals(Contender.ALIYUN_SDK_OSS);
    }

    /** Whether the workload is PutObjects of the harness's {@link Payloads}, which the stub server can answer. */
    boolean puts() {
        return kind == Kind.PUT || kind == Kind.PUT_WITH_CALLBACK || kind == Kind.COLD;
    }

    boolean multipart() {
        return kind == Kind.FILE || kind == Kind.STREAM;
    }

    private static String size(long bytes) {
        return bytes >= GIB ? bytes / GIB + " GiB" : bytes / MIB + " MiB";
    }
}
