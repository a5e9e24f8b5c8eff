package dev.ossflux.testkit.internal;

import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams a request body into a {@link ContentWriter}, computing MD5 and CRC-64 on the fly from
 * each incoming buffer (no copy, nothing buffered for hashing), and checks it against
 * {@code Content-Length} and {@code Content-MD5}.
 */
final class BodyReceiver {

    private BodyReceiver() {
    }

    /** A fully received body; the caller owns {@code content}. */
    record Received(long size, byte[] md5, long crc64, Content content) {

        String etag() {
            return Hashing.hex(md5).toUpperCase(java.util.Locale.ROOT);
        }

        String contentMd5() {
            return Base64.getEncoder().encodeToString(md5);
        }
    }

    /** Receives the body into {@code writer}; one over {@code maxSize} fails {@code EntityTooLarge} as it arrives. */
    static Mono<Received> receive(Exchange ex, ContentWriter writer, long maxSize) {
        long declared = declaredLength(ex, maxSize);
        ex.consumeBody();
        long[] received = new long[1];
        // A buffer is retained only once it is bound for the writer. The reset fault is decided before the
        // retain, so its buffer is released by Reactor Netty alone.
        Flux<ByteBuf> owned = ex.request.receive()
                .<ByteBuf>handle((buf, sink) -> {
                    int n = buf.readableBytes();
                    if (resetsWithin(ex, received[0], n)) {
                        sink.error(new ConnectionReset());
                        return;
                    }
                    if (received[0] + n > maxSize) {
                        sink.error(tooLarge(maxSize, Long.toString(received[0] + n)).closeConnection());
                        return;
                    }
                    received[0] += n;
                    ex.bodySize = received[0];
                    sink.next(buf);
                })
                .map(ByteBuf::retain);
        return store(owned, writer, size -> {
            if (declared >= 0 && size != declared) {
                throw new OssError(400, "RequestTimeout", "Your socket connection to the server was not read from "
                        + "or written to within the timeout period.").field("ExpectedLength", Long.toString(declared))
                        .field("ReceivedLength", Long.toString(size));
            }
        }).flatMap(body -> checkDigest(ex, body));
    }

    /**
     * Whether a {@code resetAfterBytes} fault cuts the body within the {@code n} bytes that follow the
     * {@code received} ones; if so, the connection has been reset.
     */
    static boolean resetsWithin(Exchange ex, long received, int n) {
        if (ex.resetAfterBytes >= 0 && received + n > ex.resetAfterBytes) {
            ex.reset();
            return true;
        }
        return false;
    }

    /**
     * Hashes and writes {@code owned} (buffers the caller handed over: each one reaching the writer is the
     * writer's, one dropped on the way is released), runs {@code atEnd} on the size once the buffers ended
     * (it may throw to refuse the body), and finishes the content.
     */
    static Mono<Received> store(Flux<ByteBuf> owned, ContentWriter writer, LongConsumer atEnd) {
        MessageDigest md5 = Hashing.md5();
        long[] state = new long[2];
        // Once the received body is handed over, the caller owns its content: a cancel that comes later (the
        // client hanging up while the caller stores it, or during a delayed answer) must not delete it.
        AtomicBoolean handedOver = new AtomicBoolean();
        return owned
                .concatMap(buf -> {
                    ByteBuffer[] nios = buf.nioBuffers();
                    state[0] = Crc64.update(state[0], nios);
                    for (ByteBuffer nio : nios) {
                        md5.update(nio);
                    }
                    state[1] += buf.readableBytes();
                    return writer.write(buf);
                })
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease)
                .then(Mono.defer(() -> {
                    atEnd.accept(state[1]);
                    return writer.finish(state[1]);
                }))
                .map(content -> new Received(state[1], md5.digest(), state[0], content))
                .<Received>handle((received, sink) -> {
                    if (handedOver.compareAndSet(false, true)) {
                        sink.next(received);
                    } else {
                        received.content().release();
                    }
                })
                .doOnError(e -> writer.abort())
                .doOnCancel(() -> {
                    if (handedOver.compareAndSet(false, true)) {
                        writer.abort();
                    }
                });
    }

    private static Mono<Received> checkDigest(Exchange ex, Received received) {
        String expected = ex.header("content-md5");
        if (expected != null && !expected.trim().equals(received.contentMd5())) {
            received.content().release();
            return Mono.error(new OssError(400, "InvalidDigest", "The Content-MD5 you specified was invalid.")
                    .field("Content-MD5", expected).ec("0016-00000601"));
        }
        return Mono.just(received);
    }

    /** {@code Content-Length}, or -1 for a chunked body; rejects bodies over {@code maxSize} and of unknown length. */
    static long declaredLength(Exchange ex, long maxSize) {
        String length = ex.header("content-length");
        if (length == null) {
            String encoding = ex.header("transfer-encoding");
            if (encoding == null || !encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                throw new OssError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
            }
            return -1;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw OssError.invalidArgument("Content-Length is not a number.");
        }
        if (declared > maxSize) {
            throw tooLarge(maxSize, length.trim());
        }
        return declared;
    }

    static OssError tooLarge(long maxSize, String proposed) {
        return new OssError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
                .field("MaxSizeAllowed", Long.toString(maxSize)).field("ProposedSize", proposed);
    }

    /** The connection was reset on purpose by a {@code resetAfterBytes} fault. */
    static final class ConnectionReset extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionReset() {
            super("connection reset by an injected fault", null, false, false);
        }
    }
}
