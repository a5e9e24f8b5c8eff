package dev.ossflux.core.internal.body;

import dev.ossflux.core.UploadBody;
import io.netty.buffer.ByteBuf;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The client's view of an {@link UploadBody}: opened once per attempt. */
public abstract class Body implements UploadBody {

    /** The content of one attempt: its length, its bytes, and what is known of them in advance. */
    public interface Opened {

        long length();

        /** The bytes; each buffer belongs to the subscriber, which must release it. */
        Flux<ByteBuf> content();

        /** The CRC-64 of the content when known before sending. */
        default OptionalLong crc64() {
            return OptionalLong.empty();
        }
    }

    /** Opens the body for one attempt; files are opened on a thread that may block. */
    public abstract Mono<Opened> open();

    /** The base64 MD5 of the content, for {@code Content-MD5}; costs a pass over the data. */
    public abstract Mono<String> contentMd5();

    public static Body of(UploadBody body) {
        if (body instanceof Body known) {
            return known;
        }
        throw new IllegalArgumentException("body: create upload bodies with the UploadBody factories");
    }
}
