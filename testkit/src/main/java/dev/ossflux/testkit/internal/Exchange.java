package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.Fault;
import io.netty.channel.ChannelOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** One request being handled: the Netty exchange, where it is addressed, and what happened to it. */
final class Exchange {

    final HttpServerRequest request;
    final HttpServerResponse response;
    final Target target;
    final String requestId;
    final Instant arrivedAt;
    /** Request headers by lower-case name; repeated headers joined with {@code ,}. */
    final Map<String, String> headers;
    private boolean bodyConsumed;
    long bodySize;
    int status;
    @Nullable String errorCode;
    long resetAfterBytes = -1;
    /** A {@link Fault#loseResponse()} or {@link Fault#delayResponse} for the response, taken when it is sent. */
    @Nullable Fault responseFault;
    boolean wasReset;
    /** Refused for its {@code Host}, credentials or signature: not logged unless asked. */
    boolean refused;
    /** The key a PostObject form names, once its fields are read; logged as the request's key. */
    @Nullable String formKey;

    Exchange(HttpServerRequest request, HttpServerResponse response, Target target, String requestId,
            Instant arrivedAt) {
        this.request = request;
        this.response = response;
        this.target = target;
        this.requestId = requestId;
        this.arrivedAt = arrivedAt;
        Map<String, String> map = new LinkedHashMap<>();
        request.requestHeaders().forEach(h -> map.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + "," + b));
        this.headers = map;
    }

    @Nullable String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    boolean isHead() {
        return request.method().name().equals("HEAD");
    }

    /** Marks the body as taken by a reader; it can be read once. */
    void consumeBody() {
        bodyConsumed = true;
    }

    /** Reads and discards whatever of the body no handler read, so the connection can be reused. */
    Mono<Void> drain() {
        if (bodyConsumed) {
            return Mono.empty();
        }
        bodyConsumed = true;
        return request.receive().doOnNext(buf -> bodySize += buf.readableBytes()).then()
                .onErrorResume(e -> Mono.empty());
    }

    /** Closes the connection with a TCP reset. */
    void reset() {
        status = 0;
        wasReset = true;
        request.withConnection(connection -> {
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        });
    }
}
