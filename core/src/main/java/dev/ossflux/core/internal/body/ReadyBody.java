package dev.ossflux.core.internal.body;

import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/** A replayable body whose length is known up front, so each attempt uses it as is. */
abstract class ReadyBody extends Body implements Body.Opened {

    @Override
    public final OptionalLong knownLength() {
        return OptionalLong.of(length());
    }

    @Override
    public final boolean replayable() {
        return true;
    }

    @Override
    public final Mono<Opened> open() {
        return Mono.just(this);
    }
}
