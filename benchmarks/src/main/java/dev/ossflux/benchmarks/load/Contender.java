package dev.ossflux.benchmarks.load;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * One client under test. Every method blocks its caller until the whole workload is done (the
 * harness measures wall time around it) and throws when any upload failed.
 */
interface Contender extends AutoCloseable {

    /** The names the harness and the results use, in reporting order. */
    /** ossflux with {@code UploadBody.fromBytes(byte[])}, the call a user with bytes in memory writes first. */
    String OSSFLUX = "ossflux";
    /** ossflux with {@code UploadBody.fromByteBuffer(ByteBuffer.wrap(byte[]))}, the no-copy variant. */
    String OSSFLUX_BYTE_BUFFER = "ossflux-bytebuffer";
    String ALIYUN_SDK_OSS = "aliyun-sdk-oss";
    String ALIBABACLOUD_OSS_V2 = "alibabacloud-oss-v2";
    String RAW_NETTY = "raw-netty";

    /**
     * Uploads {@code count} objects of {@code data} as {@code prefix/<n>}, at most
     * {@code concurrency} at once, each with the benchmark callback when {@code callback} is set;
     * records each upload's latency.
     */
    void putObjects(String prefix, int count, byte[] data, int concurrency, boolean callback, Latencies latencies)
            throws Exception;

    /** Uploads {@code file} as one object with multipart, {@code partBytes} per part, {@code concurrency} at once. */
    void uploadFile(String key, Path file, long partBytes, int concurrency) throws Exception;

    /** Uploads everything {@code data} yields, whose length the client is not told. */
    void uploadStream(String key, InputStream data, long partBytes, int concurrency) throws Exception;

    /**
     * Uploads every file under {@code dir} as {@code prefix/<relative path>}, {@code concurrency}
     * files at once, large files in parts of {@code partBytes}; only the batch's contenders implement it.
     */
    default void uploadDirectory(String prefix, Path dir, int concurrency, long partBytes) throws Exception {
        throw new UnsupportedOperationException("no batch upload in this contender");
    }

    /** Work done before the clock starts for {@link #putObjects} with the same arguments (raw-netty signs there). */
    default void prepare(String prefix, int count, byte[] data, boolean callback) {
    }

    /** How this contender ran, e.g. its thread-pool size; empty when there is nothing to say. */
    default String configuration() {
        return "";
    }

    @Override
    void close() throws Exception;

    static Contender create(String name, Target target, int poolSize) throws Exception {
        return switch (name) {
            case OSSFLUX -> new OssfluxContender(target, false);
            case OSSFLUX_BYTE_BUFFER -> new OssfluxContender(target, true);
            case ALIYUN_SDK_OSS -> new AliyunSdkContender(target, poolSize);
            case ALIBABACLOUD_OSS_V2 -> new OssV2Contender(target);
            case RAW_NETTY -> new RawNettyContender(target);
            default -> throw new IllegalArgumentException("unknown contender: " + name);
        };
    }
}
