package dev.ossflux.samples.webflux;

import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerificationException;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.core.callback.VerifiedCallback;
import java.net.URI;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Verifies OSS upload callbacks arriving at a WebFlux application: adapts the request to a
 * {@link CallbackRequest} (raw path and query as sent, {@code Authorization}, {@code x-oss-pub-key-url},
 * content type, body) and hands it to a {@link CallbackVerifier}. No blocking, and the body is read
 * only up to the verifier's {@link CallbackVerifier#maxBodySize()}.
 *
 * <pre>{@code
 * OssCallbacks callbacks = new OssCallbacks(CallbackVerifier.builder().build());
 * Mono<ServerResponse> receive(ServerRequest request) {
 *     return callbacks.verify(request)
 *             .flatMap(callback -> ServerResponse.ok().bodyValue(Map.of("Status", "OK")))
 *             .onErrorResume(CallbackVerificationException.class, e -> ServerResponse.status(401).build());
 * }
 * }</pre>
 *
 * <p>The path must reach the application as OSS sent it: a proxy that rewrites it breaks the signature.
 */
public final class OssCallbacks {

    private final CallbackVerifier verifier;

    public OssCallbacks(CallbackVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Reads and verifies the callback in {@code request} (a functional endpoint's request).
     *
     * @return the verified callback, or a {@link CallbackVerificationException} saying why not
     */
    public Mono<VerifiedCallback> verify(ServerRequest request) {
        return verify(request.exchange().getRequest());
    }

    /**
     * Reads and verifies the callback in {@code request} (e.g. in an annotated controller).
     *
     * @return the verified callback, or a {@link CallbackVerificationException} saying why not
     */
    public Mono<VerifiedCallback> verify(ServerHttpRequest request) {
        return body(request).flatMap(body -> verifier.verify(callbackRequest(request, body)));
    }

    /** The parts of {@code request} that OSS signed, with {@code body}. */
    static CallbackRequest callbackRequest(ServerHttpRequest request, byte[] body) {
        URI uri = request.getURI();
        HttpHeaders headers = request.getHeaders();
        return CallbackRequest.builder(uri.getRawPath())
                .query(uri.getRawQuery())
                .authorization(headers.getFirst(CallbackRequest.AUTHORIZATION))
                .publicKeyUrl(headers.getFirst(CallbackRequest.PUBLIC_KEY_URL))
                .contentType(headers.getFirst(HttpHeaders.CONTENT_TYPE))
                .body(body)
                .build();
    }

    private Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), verifier.maxBodySize())
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new CallbackVerificationException(
                        CallbackVerificationException.Reason.BODY_TOO_LARGE,
                        "the callback body is larger than " + verifier.maxBodySize() + " bytes", e));
    }
}
