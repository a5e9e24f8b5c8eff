package dev.ossflux.benchmarks.jmh;

import com.aliyun.oss.common.utils.CRC64;
import dev.ossflux.core.Crc64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CRC-64 throughput on one core: ossflux's four-lane slice-by-8 against the official SDK's
 * {@code CRC64}, with the JDK's hardware-assisted {@code CRC32C} as the ceiling. Bytes per second
 * is {@code size × ops/s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class Crc64Benchmark {

    @Param({"16384", "1048576", "8388608"})
    int size;

    private byte[] data;

    @Setup
    public void setUp() {
        data = new byte[size];
        new Random(42).nextBytes(data);
    }

    @Benchmark
    public long ossflux() {
        return Crc64.update(0, data, 0, data.length);
    }

    @Benchmark
    public long aliyunSdkOss() {
        CRC64 crc = new CRC64();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }

    @Benchmark
    public long jdkCrc32c() {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }
}
