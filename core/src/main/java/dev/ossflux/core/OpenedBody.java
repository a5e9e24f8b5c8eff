package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import java.util.OptionalLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** The content of one attempt of an {@link UploadBody}: its length, its bytes, and its CRC-64 if known up front. */
interface OpenedBody {

    OpenedBody EMPTY = new OpenedBody() {
        @Override
        public long length() {
            return 0;
        }

        @Override
        public Flux<ByteBuf> content() {
            return Flux.empty();
        }

        @Override
        public OptionalLong crc64() {
            return OptionalLong.of(0);
        }

        @Override
        public boolean checksummed() {
            return true;
        }
    };

    long length();

    /**
     * The bytes; each buffer belongs to the subscriber, which must release it. A body that fits one
     * buffer may answer a {@code Mono}, which Reactor Netty writes together with the headers.
     */
    Publisher<ByteBuf> content();

    /** The CRC-64 of the content when the body knows it (see {@link #checksummed()}); else empty. */
    default OptionalLong crc64() {
        return OptionalLong.empty();
    }

    /**
     * Whether the body knows its CRC-64, up front or by hashing its content as it goes out; then the
     * sender does not hash the content, and asks {@link #crc64()} only once it needs the value.
     */
    default boolean checksummed() {
        return false;
    }
}
