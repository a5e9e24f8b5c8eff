package dev.ossflux.core;

import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/** A replayable body whose length is known up front, so each attempt uses it as is. */
abstract sealed class ReadyBody extends UploadBody implements OpenedBody permits BytesBody, BuffersBody, FileSlice {

    @Override
    public final OptionalLong knownLength() {
        return OptionalLong.of(length());
    }

    @Override
    public final boolean replayable() {
        return true;
    }

    @Override
    final Mono<OpenedBody> open() {
        return Mono.just(this);
    }
}
