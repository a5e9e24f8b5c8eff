package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The in-memory body's way out: pooled direct copies, chunked above 256 KiB, hashed in the same pass. */
class BytesBodyTest {

    private static final int CHUNK = DirectChunks.CHUNK;
    private static final int PIECE = 24 * 1024;

    private final MockOss oss = new MockOss();

    @AfterEach
    void close() {
        oss.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16 * 1024, PIECE - 1, PIECE, PIECE + 1, CHUNK - 1, CHUNK})
    void sendsABodyOfUpToOneChunkAsOneDirectBufferInAMono(int length) {
        byte[] bytes = random(length);
        Publisher<ByteBuf> content = body(bytes).content();

        assertThat(content).isInstanceOf(Mono.class);
        List<ByteBuf> chunks = drain(content);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).isDirect()).isTrue();
        assertThat(concatenated(chunks)).isEqualTo(bytes);
        chunks.forEach(ByteBuf::release);
    }

    @ParameterizedTest
    @ValueSource(ints = {CHUNK + 1, 2 * CHUNK, 3 * CHUNK + PIECE + 7, 4 * 1024 * 1024})
    void cutsALargerBodyIntoDirectChunksOfAtMost256KiB(int length) {
        byte[] bytes = random(length);
        List<ByteBuf> chunks = drain(body(bytes).content());

        assertThat(chunks).hasSize((length + CHUNK - 1) / CHUNK);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.readableBytes())
                .isEqualTo(CHUNK));
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.isDirect()).isTrue());
        assertThat(concatenated(chunks)).isEqualTo(bytes);
        chunks.forEach(ByteBuf::release);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, PIECE - 1, PIECE + 1, CHUNK, CHUNK + PIECE + 3, 3 * CHUNK + 5})
    void hashesTheBytesWhileCopyingThem(int length) {
        byte[] bytes = random(length);
        long reference = Crc64.of(bytes);
        BytesBody body = body(bytes);

        drain(body.content()).forEach(ByteBuf::release);
        bytes[0] ^= 1;

        assertThat(body.crc64()).as("the CRC of the bytes as copied, not of the array read again").hasValue(reference);
    }

    @Test
    void hashesAHeapBufferFromItsPositionOnly() {
        byte[] bytes = random(CHUNK + 100);
        ByteBuffer window = ByteBuffer.wrap(bytes, 30, CHUNK + 20);
        BytesBody body = new BytesBody(window);

        List<ByteBuf> chunks = drain(body.content());

        byte[] expected = Arrays.copyOfRange(bytes, 30, CHUNK + 50);
        assertThat(concatenated(chunks)).isEqualTo(expected);
        assertThat(body.crc64()).hasValue(Crc64.of(expected));
        chunks.forEach(ByteBuf::release);
    }

    @Test
    void sendsTheCallersArrayWithoutCopyingItFirst() {
        byte[] bytes = random(CHUNK + 1);
        UploadBody body = UploadBody.fromBytes(bytes);
        bytes[CHUNK] = (byte) ~bytes[CHUNK];

        List<ByteBuf> chunks = drain(((BytesBody) body).content());

        assertThat(concatenated(chunks)).as("the array as it is when sent").isEqualTo(bytes);
        chunks.forEach(ByteBuf::release);
    }

    @Test
    void makesAChunkOnlyWhenOneIsAskedForSoACancelLeavesNoneBehind() {
        List<ByteBuf> made = new CopyOnWriteArrayList<>();
        Flux<ByteBuf> content = Flux.from(body(random(8 * CHUNK)).content()).doOnNext(made::add);

        StepVerifier.create(content, 0)
                .thenRequest(2)
                .expectNextCount(2)
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        assertThat(made).hasSize(2);
        made.forEach(ByteBuf::release);
        assertThat(made).allSatisfy(chunk -> assertThat(chunk.refCnt()).isZero());
    }

    @Test
    void resendsALargeBodyWholeAfterTheConnectionDropsWhileItIsSent() {
        byte[] bytes = random(4 * CHUNK + 3);
        long crc = Crc64.of(bytes);
        oss.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        oss.enqueue(MockOss.ok("ETAG", crc).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "big.bin"),
                        UploadBody.fromBytes(bytes)))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(crc))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).isEqualTo(2);
        oss.take();
        assertThat(oss.take().getBody().toByteArray()).isEqualTo(bytes);
    }

    @Test
    void sendsASmallBodyAndItsCrcInOneRequest() {
        byte[] bytes = random(16 * 1024);
        oss.enqueue(MockOss.ok("ETAG", Crc64.of(bytes)).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "small.bin"),
                        UploadBody.fromBytes(bytes)))
                .assertNext(result -> assertThat(result.size()).isEqualTo(bytes.length))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getBody().toByteArray()).isEqualTo(bytes);
    }

    private static BytesBody body(byte[] bytes) {
        return new BytesBody(bytes);
    }

    private static List<ByteBuf> drain(Publisher<ByteBuf> content) {
        return Flux.from(content).collectList().block(Duration.ofSeconds(5));
    }

    private static byte[] concatenated(List<ByteBuf> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(chunk -> out.writeBytes(ByteBufUtil.getBytes(chunk)));
        return out.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
