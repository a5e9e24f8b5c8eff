package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * One attempt on the wire: sends signed headers and a body, and turns a status of 300 or more into
 * an {@link OssException}; 2xx responses (203 included) are for the caller to read.
 */
final class HttpExchange {

    private static final byte[] EMPTY = new byte[0];

    private final HttpClient http;
    private final Endpoint endpoint;

    HttpExchange(HttpClient http, Endpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Sends {@code request} with {@code opened} as its body and gathers the response body. A
     * retryable failure of a request that carries a callback, after its whole body went out, arrives
     * as {@link SentInFull}.
     */
    Mono<OssResponse> send(OssRequest request, Map<String, String> headers, OpenedBody opened, Instant started) {
        boolean callback = request.carriesCallback();
        SentBody body = new SentBody(opened, request.progress(), callback);
        boolean withBody = request.hasBody();
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
                .flatMap(response -> response.status() >= 300
                        ? Mono.error(Errors.toException(response, request.operation())) : Mono.just(response))
                .onErrorMap(error -> callback && Retryable.test(error) && body.sentInFull(),
                        error -> new SentInFull(error, body.bytes(), body.crc64().orElseThrow(), started));
    }

    /** Sends {@code request} without a body and hands over the response body as it arrives. */
    Mono<StreamedResponse> stream(OssRequest request, Map<String, String> headers) {
        return http.request(request.method())
                .uri(endpoint.url(request.bucket(), request.key(), request.query()))
                .send((outgoing, outbound) -> {
                    headers.forEach(outgoing::header);
                    return outbound;
                })
                .responseConnection((response, connection) -> {
                    if (response.status().code() >= 300) {
                        return connection.inbound().receive().aggregate().asByteArray().defaultIfEmpty(EMPTY)
                                .flatMap(bytes -> Mono.error(Errors.toException(gathered(response, bytes),
                                        request.operation())));
                    }
                    Flux<ByteBuffer> body = connection.inbound().receive().map(HttpExchange::copy)
                            .doOnCancel(connection::dispose);
                    return Mono.just(new StreamedResponse(response.status().code(), response.responseHeaders(), body));
                })
                .next();
    }

    private static OssResponse gathered(HttpClientResponse response, byte[] body) {
        return new OssResponse(response.status().code(), response.responseHeaders(), body, OptionalLong.empty(), 0);
    }

    private static ByteBuffer copy(ByteBuf buf) {
        ByteBuffer copy = ByteBuffer.allocate(buf.readableBytes());
        buf.readBytes(copy);
        return copy.flip();
    }
}
