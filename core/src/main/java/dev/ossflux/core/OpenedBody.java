package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import java.util.OptionalLong;
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
    };

    long length();

    /** The bytes; each buffer belongs to the subscriber, which must release it. */
    Flux<ByteBuf> content();

    /** The CRC-64 of the content when known before sending. */
    default OptionalLong crc64() {
        return OptionalLong.empty();
    }
}
