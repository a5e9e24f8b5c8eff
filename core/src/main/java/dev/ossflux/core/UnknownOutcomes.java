package dev.ossflux.core;

import dev.ossflux.core.internal.Names;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Settles what happened to an upload with a callback whose response was lost after its whole body
 * went out: OSS either stored the object (and may have called back) or did not (and did not). It
 * asks OSS with a HeadObject whether the object now holds exactly the bytes sent, last modified no
 * earlier than the attempt began (by OSS's clock, to the second, less a small margin for the clock
 * estimate): then the upload ends with {@link CallbackOutcomeUnknownException}; otherwise the
 * original failure stands and may be retried, which cannot cause a second callback.
 */
final class UnknownOutcomes {

    /** How far OSS's second-resolution Last-Modified may seem to precede the attempt and still count. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(2);

    private static final Logger LOG = Loggers.getLogger(UnknownOutcomes.class);

    private final Function<OssRequest, Mono<OssResponse>> send;

    UnknownOutcomes(Function<OssRequest, Mono<OssResponse>> send) {
        this.send = send;
    }

    /** Fails with {@link CallbackOutcomeUnknownException} when OSS holds the upload, else with the original failure. */
    <T> Mono<T> settle(OssRequest request, SentInFull sent) {
        ExpectedUpload expected = request.expected();
        Throwable failure = sent.getCause();
        long size = expected.size().orElse(sent.bytes());
        long crc = expected.crc64().orElse(sent.crc64());
        OssRequest head = OssRequest.of("HeadObject", HttpMethod.HEAD, Names.requireBucket(expected.bucket()),
                expected.key());
        return send.apply(head)
                .map(response -> MetadataHeaders.metadata(response.headers()))
                .flatMap(stored -> {
                    boolean same = stored.contentLength() == size && stored.crc64().isPresent()
                            && stored.crc64().getAsLong() == crc
                            && stored.lastModified().map(time -> written(time, sent.attemptStarted())).orElse(false);
                    if (!same) {
                        LOG.warn("{} of {}/{} lost its response before OSS stored the object; resending: {}",
                                request.operation(), expected.bucket(), expected.key(), failure.toString());
                        return Mono.<T>error(failure);
                    }
                    return Mono.<T>error(new CallbackOutcomeUnknownException(expected.storedAs(stored, crc, size),
                            failure));
                })
                .onErrorResume(error -> !(error instanceof CallbackOutcomeUnknownException) && error != failure,
                        error -> OssException.hasCode(error, "NoSuchKey") ? Mono.error(failure)
                                : Mono.error(new CallbackOutcomeUnknownException(null, failure)));
    }

    private static boolean written(Instant lastModified, Instant attemptStarted) {
        return !lastModified.isBefore(attemptStarted.truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_MARGIN));
    }
}
