package dev.ossflux.testkit.internal;

import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
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
        MessageDigest md5 = Hashing.md5();
        long[] state = new long[2];
        // Once the received body is handed over, the caller owns its content: a cancel that comes later (the
        // client hanging up while the caller stores it, or during a delayed answer) must not delete it.
        AtomicBoolean handedOver = new AtomicBoolean();
        // A buffer is retained only once it is bound for the writer, which then owns that reference; one
        // dropped on the way (a failing mapper, a cancel, an error) is released by the discard hook. The
        // reset fault is decided before the retain, so its buffer is released by Reactor Netty alone.
        return ex.request.receive()
                .<ByteBuf>handle((buf, sink) -> {
                    int n = buf.readableBytes();
                    if (ex.resetAfterBytes >= 0 && state[1] + n > ex.resetAfterBytes) {
                        ex.reset();
                        sink.error(new ConnectionReset());
                        return;
                    }
                    if (state[1] + n > maxSize) {
                        sink.error(tooLarge(maxSize, Long.toString(state[1] + n)).closeConnection());
                        return;
                    }
                    state[1] += n;
                    ex.bodySize = state[1];
                    sink.next(buf);
                })
                .map(ByteBuf::retain)
                .concatMap(buf -> {
                    ByteBuffer[] nios = buf.nioBuffers();
                    state[0] = Crc64.update(state[0], nios);
                    for (ByteBuffer nio : nios) {
                        md5.update(nio);
                    }
                    return writer.write(buf);
                })
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease)
                .then(Mono.defer(() -> {
                    if (declared >= 0 && state[1] != declared) {
                        return Mono.error(new OssError(400, "RequestTimeout", "Your socket connection to the server "
                                + "was not read from or written to within the timeout period.")
                                .field("ExpectedLength", Long.toString(declared))
                                .field("ReceivedLength", Long.toString(state[1])));
                    }
                    return writer.finish(state[1]);
                }))
                .map(content -> new Received(state[1], md5.digest(), state[0], content))
                .flatMap(received -> checkDigest(ex, received))
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

    private static OssError tooLarge(long maxSize, String proposed) {
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
