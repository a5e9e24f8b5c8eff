package dev.ossflux.core;

import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/** A body sent within budget room its caller reserved beforehand. */
final class PermittedBody extends UploadBody {

    private final UploadBody body;
    private final TransferPermit permit;

    PermittedBody(UploadBody body, TransferPermit permit) {
        this.body = body;
        this.permit = permit;
    }

    @Override
    public OptionalLong knownLength() {
        return body.knownLength();
    }

    @Override
    public boolean replayable() {
        return body.replayable();
    }

    @Override
    Mono<OpenedBody> open() {
        return body.open();
    }

    @Override
    Mono<String> contentMd5() {
        return body.contentMd5();
    }

    @Override
    Optional<TransferPermit> permit() {
        return Optional.of(permit);
    }

    @Override
    UploadBody unpermitted() {
        return body;
    }

    @Override
    public String toString() {
        return body + " within " + permit;
    }
}
