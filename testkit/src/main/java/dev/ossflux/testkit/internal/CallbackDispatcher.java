package dev.ossflux.testkit.internal;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.callback.CallbackStringToSign;
import dev.ossflux.core.internal.json.Json;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Calls the callback URLs in order, each signed with the emulator's RSA key, until one answers
 * 200 with a JSON body of at most 3 MB within the timeout (a reply is read only up to that limit);
 * counts the requests sent per object.
 */
final class CallbackDispatcher {

    private static final byte[] NOTHING = new byte[0];

    /** What the upload answers: the reply body when {@code ok}, else the {@code CallbackFailed} message. */
    record Outcome(boolean ok, byte[] reply, String failure) {
    }

    private record Reply(int status, byte[] body) {
    }

    private record ObjectName(String bucket, String key) {
    }

    private final CallbackSigner signer;
    private final Duration timeout;
    private final int maxReply;
    private final Faults faults;
    private final ConnectionProvider connections;
    private final HttpClient client;
    private final Map<ObjectName, Integer> sent = new ConcurrentHashMap<>();
    private volatile String publicKeyUrl = "";

    CallbackDispatcher(CallbackSigner signer, Duration timeout, int maxReply, Faults faults) {
        this.signer = signer;
        this.timeout = timeout;
        this.maxReply = maxReply;
        this.faults = faults;
        // OSS calls callbacks with no concurrency limit of its own; a waiting callback still counts
        // against its timeout.
        this.connections = ConnectionProvider.builder("ossflux-emulator-callbacks").maxConnections(1024)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(timeout).build();
        this.client = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
    }

    void publicKeyUrl(String url) {
        this.publicKeyUrl = url;
    }

    /** Calls back for the upload of {@code bucket}/{@code key}. */
    Mono<Outcome> dispatch(Callback callback, String body, Operation operation, String bucket, String key) {
        Fault fault = faults.takeCallbackFault(operation);
        if (fault instanceof Fault.CallbackStatus status) {
            return Mono.just(failed("Error status : " + status.status() + "."));
        }
        Duration delay = fault instanceof Fault.CallbackDelay d ? d.delay() : Duration.ZERO;
        return attempt(callback, body, new ObjectName(bucket, key), 0, delay, "");
    }

    /** How many callback requests were sent, to any URL, for uploads of {@code bucket}/{@code key}. */
    int sent(String bucket, String key) {
        return sent.getOrDefault(new ObjectName(bucket, key), 0);
    }

    private Mono<Outcome> attempt(Callback callback, String body, ObjectName object, int index, Duration delay,
            String lastFailure) {
        List<String> urls = callback.urls();
        if (index >= urls.size()) {
            return Mono.just(failed(lastFailure));
        }
        return call(callback, body, urls.get(index), index == 0 ? delay : Duration.ZERO, object)
                .flatMap(outcome -> outcome.ok() ? Mono.just(outcome)
                        : attempt(callback, body, object, index + 1, delay, outcome.failure()));
    }

    private Mono<Outcome> call(Callback callback, String body, String url, Duration delay, ObjectName object) {
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // A URL ending in a bare '?' is called and signed without it, as CallbackVerifier reads an empty query.
        String rawQuery = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? null : uri.getRawQuery();
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String target = uri.getScheme() + "://" + hostPort + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] stringToSign = CallbackStringToSign.of(rawPath, Optional.ofNullable(rawQuery), bytes);
        // RSA blinding draws from SecureRandom, which may read /dev/urandom: sign off the event loop.
        Mono<String> authorization = Mono.fromCallable(() -> signer.sign(stringToSign))
                .subscribeOn(Schedulers.boundedElastic());
        Mono<Reply> exchange = authorization.flatMap(signature -> client
                .doAfterRequest((request, connection) -> sent.merge(object, 1, Integer::sum))
                .headers(h -> h.set("Host", callback.host().orElse(hostPort))
                        .set("Content-Type", callback.bodyType().mediaType())
                        .set("Content-Length", Integer.toString(bytes.length))
                        .set("Authorization", signature)
                        .set("x-oss-pub-key-url", Base64.getEncoder().encodeToString(
                                publicKeyUrl.getBytes(StandardCharsets.UTF_8)))
                        .set("User-Agent", "ossflux-emulator"))
                .post().uri(target)
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .response((response, content) -> BoundedBody.announcedOver(
                        response.responseHeaders().get("Content-Length"), maxReply) ? Mono.error(new ReplyTooLarge())
                        : BoundedBody.read(content, maxReply, ReplyTooLarge::new)
                                .map(reply -> new Reply(response.status().code(), reply)))
                .next());
        return Mono.delay(delay).then(exchange)
                .timeout(timeout)
                .map(CallbackDispatcher::judge)
                .onErrorResume(ReplyTooLarge.class, e -> Mono.just(failed("Response body is too large: more than "
                        + maxReply + " bytes.")))
                .onErrorResume(TimeoutException.class, e -> Mono.just(failed("Error status : -1 8(Operation timed "
                        + "out after " + timeout.toMillis() + " ms).")))
                .onErrorResume(e -> Mono.just(failed("Error status : -1 7(Cannot connect to " + hostPort + ": "
                        + e.getMessage() + ").")));
    }

    private static Outcome judge(Reply reply) {
        if (reply.status() != 200) {
            return failed("Error status : " + reply.status() + ".");
        }
        try {
            Json.read(reply.body());
        } catch (IllegalArgumentException e) {
            return failed("Response body is not valid json format.");
        }
        return new Outcome(true, reply.body(), "");
    }

    private static Outcome failed(String message) {
        return new Outcome(false, NOTHING, message);
    }

    void close() {
        connections.dispose();
    }

    /** A callback reply longer than the limit. */
    private static final class ReplyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplyTooLarge() {
            super("callback reply too large", null, false, false);
        }
    }
}
