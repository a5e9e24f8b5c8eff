package dev.ossflux.core.internal.http;

import dev.ossflux.core.OssException;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.internal.body.Body;
import dev.ossflux.core.internal.budget.TransferBudget;
import dev.ossflux.core.internal.metrics.TransferObserver;
import dev.ossflux.core.internal.retry.Retryable;
import dev.ossflux.core.internal.sign.RequestSigner;
import dev.ossflux.core.internal.sign.SigningInput;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Sends signed OSS requests over one Reactor Netty {@link HttpClient}: a fresh signature per
 * attempt, retries of replayable requests, and a clock correction after
 * {@code RequestTimeTooSkewed}. Failures with an HTTP status of 300 or more arrive as
 * {@link OssException}; 2xx responses (including 203) are returned for the caller to interpret.
 */
public final class Transport {

    private static final Logger LOG = Loggers.getLogger(Transport.class);
    private static final byte[] EMPTY = new byte[0];
    private static final Body.Opened NO_BODY = new Body.Opened() {
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

    private final HttpClient http;
    private final Endpoint endpoint;
    private final RequestSigner signer;
    private final CredentialsProvider credentials;
    private final Clock clock;
    private final RetryBackoffSpec retry;
    private final TransferBudget budget;
    private final TransferObserver observer;
    private final AtomicLong clockOffsetMillis = new AtomicLong();

    public Transport(HttpClient http, Endpoint endpoint, RequestSigner signer, CredentialsProvider credentials,
            Clock clock, RetryBackoffSpec retry, TransferBudget budget, TransferObserver observer) {
        this.http = http;
        this.budget = budget;
        this.observer = observer;
        this.endpoint = endpoint;
        this.signer = signer;
        this.credentials = credentials;
        this.clock = clock;
        this.retry = retry.filter(Retryable::test).onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The limit on bytes and requests in flight shared by every request of this transport. */
    public TransferBudget budget() {
        return budget;
    }

    /** Sends {@code request} and gathers the response body; retried when the body can be replayed. */
    public Mono<OssResponse> exchange(OssRequest request) {
        return withRetries(request, Mono.defer(() -> observed(request, attempt(request))));
    }

    /**
     * Sends {@code request} and hands over the response body as a stream of buffers the subscriber
     * owns; only the wait for the response status is retried.
     */
    public Mono<StreamedResponse> stream(OssRequest request) {
        return withRetries(request, Mono.defer(() -> observed(request, streamAttempt(request))));
    }

    /** The current time as OSS sees it, after any clock correction. */
    public Instant now() {
        return clock.instant().plusMillis(clockOffsetMillis.get());
    }

    private <T> Mono<T> withRetries(OssRequest request, Mono<T> attempt) {
        boolean replayable = request.body() == null || request.body().replayable();
        Mono<T> corrected = attempt.onErrorResume(Transport::isClockSkew, skew -> {
            correctClock((OssException) skew);
            return replayable ? attempt : Mono.error(skew);
        });
        if (!replayable) {
            return corrected;
        }
        RetryBackoffSpec logged = retry.doBeforeRetry(signal -> {
            observer.retrying(request.operation());
            LOG.warn("Retrying {} of {}/{} (retry {}): {}", request.operation(), request.bucket(), request.key(),
                    signal.totalRetries() + 1, signal.failure().toString());
        });
        return corrected.onErrorResume(Retryable::test,
                first -> afterFirstFailure(first, corrected).retryWhen(logged));
    }

    /**
     * Fails with {@code first} once, then subscribes {@code attempt} on every resubscription: the
     * retry machinery (a subscriber and a companion flux per request) is set up only when a first
     * attempt failed, and sees that failure as if it had been there from the start.
     */
    private static <T> Mono<T> afterFirstFailure(Throwable first, Mono<T> attempt) {
        AtomicBoolean failed = new AtomicBoolean();
        return Mono.defer(() -> failed.compareAndSet(false, true) ? Mono.error(first) : attempt);
    }

    /** Reports each attempt's outcome, duration and bytes to the observer and the debug log. */
    private <T> Mono<T> observed(OssRequest request, Mono<T> attempt) {
        long start = System.nanoTime();
        String operation = request.operation();
        return attempt
                .doOnSuccess(result -> {
                    int status = result instanceof OssResponse response ? response.status()
                            : result instanceof StreamedResponse streamed ? streamed.status() : 0;
                    long sent = result instanceof OssResponse response ? response.sentBytes() : 0;
                    observer.attempted(operation, TransferObserver.outcome(status), status, System.nanoTime() - start,
                            sent);
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("{} {}/{} -> {} in {} ms, request id {}", operation, request.bucket(), request.key(),
                                status, (System.nanoTime() - start) / 1_000_000,
                                result instanceof OssResponse response ? response.requestId() : "-");
                    }
                })
                .doOnError(error -> {
                    observer.attempted(operation, TransferObserver.outcome(error), TransferObserver.status(error),
                            System.nanoTime() - start, 0);
                    LOG.debug("{} {}/{} failed: {}", operation, request.bucket(), request.key(), error.toString());
                })
                .doOnCancel(() -> observer.attempted(operation, "cancelled", 0, System.nanoTime() - start, 0));
    }

    private Mono<OssResponse> attempt(OssRequest request) {
        Mono<Body.Opened> opened = request.body() == null ? Mono.just(NO_BODY) : request.body().open();
        return opened.flatMap(body -> admitted(body.length(), credentials.credentials()
                .flatMap(signing -> send(request, signing, body))));
    }

    /** Runs {@code send} holding room for {@code bytes} in the budget, unless the caller already holds it. */
    private <T> Mono<T> admitted(long bytes, Mono<T> send) {
        if (budget.isUnlimited()) {
            return send;
        }
        return Mono.deferContextual(context -> context.hasKey(TransferBudget.ADMITTED) ? send
                : Mono.usingWhen(budget.acquire(bytes), permit -> send,
                        permit -> Mono.fromRunnable(permit::release)));
    }

    private Mono<OssResponse> send(OssRequest request, Credentials signing, Body.Opened opened) {
        SentBody body = new SentBody(opened, request.progress());
        Map<String, String> headers = sign(request, signing);
        boolean withBody = request.method() == HttpMethod.PUT || request.method() == HttpMethod.POST;
        return http.request(request.method())
                .uri(endpoint.url(request.bucket(), request.key(), request.query()))
                .send((outgoing, outbound) -> {
                    headers.forEach(outgoing::header);
                    if (!withBody) {
                        return outbound;
                    }
                    outgoing.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(body.length()));
                    return outbound.send(body.content());
                })
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(EMPTY)
                        .map(bytes -> new OssResponse(response.status().code(), response.responseHeaders(), bytes,
                                withBody ? body.crc64() : OptionalLong.empty(), body.bytes())))
                .flatMap(response -> failed(response) ? Mono.error(Errors.toException(response, request.operation()))
                        : Mono.just(response));
    }

    private Mono<StreamedResponse> streamAttempt(OssRequest request) {
        return credentials.credentials().flatMap(credentials -> {
            Map<String, String> headers = sign(request, credentials);
            return http.request(request.method())
                    .uri(endpoint.url(request.bucket(), request.key(), request.query()))
                    .send((outgoing, outbound) -> {
                        headers.forEach(outgoing::header);
                        return outbound;
                    })
                    .responseConnection((response, connection) -> {
                        if (response.status().code() >= 300) {
                            return connection.inbound().receive().aggregate().asByteArray().defaultIfEmpty(EMPTY)
                                    .flatMap(bytes -> Mono.error(Errors.toException(
                                            gathered(response, bytes), request.operation())));
                        }
                        Flux<ByteBuffer> body = connection.inbound().receive().map(Transport::copy)
                                .doOnCancel(connection::dispose);
                        return Mono.just(new StreamedResponse(response.status().code(), response.responseHeaders(),
                                body));
                    })
                    .next();
        });
    }

    private Map<String, String> sign(OssRequest request, Credentials credentials) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("host", endpoint.hostHeader(request.bucket()));
        signer.sign(new SigningInput(request.method().name(), request.bucket(), request.key(), request.query(),
                headers), credentials, now());
        return headers;
    }

    private static OssResponse gathered(HttpClientResponse response, byte[] body) {
        return new OssResponse(response.status().code(), response.responseHeaders(), body, OptionalLong.empty(), 0);
    }

    private static boolean failed(OssResponse response) {
        return response.status() >= 300;
    }

    private static ByteBuffer copy(ByteBuf buf) {
        ByteBuffer copy = ByteBuffer.allocate(buf.readableBytes());
        buf.readBytes(copy);
        return copy.flip();
    }

    private static boolean isClockSkew(Throwable error) {
        return OssException.hasCode(error, "RequestTimeTooSkewed");
    }

    private void correctClock(OssException skew) {
        String serverTime = skew.details().get("ServerTime");
        if (serverTime == null) {
            return;
        }
        try {
            Instant server = Instant.parse(serverTime);
            clockOffsetMillis.set(server.toEpochMilli() - clock.millis());
        } catch (DateTimeParseException ignored) {
            // without a readable server time the retry simply repeats the failure
        }
    }

    /** A response whose body is still arriving. */
    public record StreamedResponse(int status, HttpHeaders headers, Flux<ByteBuffer> body) {
    }
}
