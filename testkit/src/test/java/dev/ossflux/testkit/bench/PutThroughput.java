package dev.ossflux.testkit.bench;

import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.sign.Hashing;
import dev.ossflux.core.internal.sign.SigningInput;
import dev.ossflux.core.internal.sign.V4Signer;
import dev.ossflux.testkit.OssEmulator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Not a test: measures the emulator's CPU per PUT byte against MD5 + CRC-64 alone, in GB/s per core.
 * Run after {@code mvn -DskipTests package}:
 * {@code java -cp testkit/target/ossflux-emulator.jar:testkit/target/test-classes dev.ossflux.testkit.bench.PutThroughput [objects]}.
 * The emulator runs as the standalone jar in sink mode in its own process; its CPU time comes from
 * {@code /proc/<pid>/stat}, so the client's work does not count.
 */
public final class PutThroughput {

    private static final int OBJECT = 64 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final int STREAMS = Integer.getInteger("streams", 1);

    private PutThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int warmupObjects = 16;
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        byte[] data = new byte[OBJECT];
        ThreadLocalRandom.current().nextBytes(data);
        baseline(data, warmupObjects, objects);

        Process emulator = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "testkit/target/ossflux-emulator.jar", "--port", "0", "--bucket", "bench", "--sink",
                "--access-key-id", OssEmulator.DEFAULT_ACCESS_KEY_ID, "--access-key-secret",
                OssEmulator.DEFAULT_ACCESS_KEY_SECRET))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            String endpoint = line.substring(line.lastIndexOf(' ') + 1);
            ByteBuf body = Unpooled.directBuffer(OBJECT).writeBytes(data);
            HttpClient client = HttpClient.create();
            put(client, endpoint, body, warmupObjects);
            long cpuBefore = cpuNanos(emulator.pid());
            long userBefore = userNanos(emulator.pid());
            long start = System.nanoTime();
            put(client, endpoint, body, objects);
            long wall = System.nanoTime() - start;
            long cpu = cpuNanos(emulator.pid()) - cpuBefore;
            long user = userNanos(emulator.pid()) - userBefore;
            double bytes = (double) OBJECT * objects;
            System.out.printf("emulator PUT (sink, " + STREAMS + " streams): %.2f GB/s per core of emulator CPU "
                    + "(%.2f GB/s wall, %.2f cores busy); user-space CPU only: %.2f GB/s per core%n", bytes / cpu,
                    bytes / wall, (double) cpu / wall, bytes / user);
        } finally {
            emulator.destroy();
        }
    }

    private static void baseline(byte[] data, int warmup, int rounds) throws Exception {
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
        hash(direct, warmup);
        long before = threadCpu();
        hash(direct, rounds);
        long cpu = threadCpu() - before;
        System.out.printf("MD5 + CRC-64 alone (64 KiB direct slices): %.2f GB/s per core%n",
                (double) data.length * rounds / cpu);
        long beforeMd5 = threadCpu();
        MessageDigest md5 = Hashing.md5();
        for (int r = 0; r < rounds; r++) {
            md5.update(data);
        }
        System.out.printf("  MD5 alone (byte[]): %.2f GB/s per core%n",
                (double) data.length * rounds / (threadCpu() - beforeMd5));
        long beforeCrc = threadCpu();
        long crc = 0;
        for (int r = 0; r < rounds; r++) {
            crc = Crc64.update(crc, data);
        }
        System.out.printf("  CRC-64 alone (byte[]): %.2f GB/s per core (%d)%n",
                (double) data.length * rounds / (threadCpu() - beforeCrc), crc & 1);
    }

    private static void hash(ByteBuffer direct, int rounds) {
        long crc = 0;
        for (int r = 0; r < rounds; r++) {
            MessageDigest md5 = Hashing.md5();
            for (int offset = 0; offset < direct.limit(); offset += CHUNK) {
                ByteBuffer slice = direct.duplicate().position(offset).limit(offset + CHUNK);
                crc = Crc64.update(crc, slice);
                md5.update(slice);
            }
            md5.digest();
        }
        if (crc == 42) {
            System.out.println();
        }
    }

    private static void put(HttpClient client, String endpoint, ByteBuf body, int count) {
        V4Signer signer = new V4Signer(OssEmulator.DEFAULT_REGION);
        Credentials credentials = Credentials.of(OssEmulator.DEFAULT_ACCESS_KEY_ID,
                OssEmulator.DEFAULT_ACCESS_KEY_SECRET);
        Flux.range(0, count).flatMap(i -> {
            Map<String, String> headers = new HashMap<>();
            headers.put("content-length", Integer.toString(OBJECT));
            signer.sign(new SigningInput("PUT", "bench", "o" + i, List.of(), headers), credentials, Instant.now());
            return client.headers(h -> headers.forEach(h::set)).put().uri(endpoint + "/bench/o" + i)
                    .send(Mono.fromSupplier(body::retainedDuplicate))
                    .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                    .doOnNext(status -> {
                        if (status != 200) {
                            throw new IllegalStateException("PUT answered " + status);
                        }
                    });
        }, STREAMS).then().block(Duration.ofMinutes(10));
    }

    private static long cpuNanos(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    private static long userNanos(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[11]) * 10_000_000L;
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
