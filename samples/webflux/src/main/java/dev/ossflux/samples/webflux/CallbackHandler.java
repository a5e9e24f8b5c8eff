package dev.ossflux.samples.webflux;

import dev.ossflux.core.callback.CallbackVerificationException;
import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /oss/callback}: the endpoint OSS calls after storing an upload. A callback whose signature
 * verifies and that this application bound (for the object OSS names, unexpired, not seen before) gets 200 and
 * a {@link CallbackReceipt}, which OSS relays to the uploader; anything else gets 401 (503 when the OSS public
 * key could not be fetched or the replay check could not run, so the callback could not be checked).
 */
final class CallbackHandler {

    static final String PATH = "/oss/callback";

    private static final Logger log = LoggerFactory.getLogger(CallbackHandler.class);

    private final OssCallbacks callbacks;

    CallbackHandler(OssCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    Mono<ServerResponse> receive(ServerRequest request) {
        return callbacks.verify(request)
                .flatMap(callback -> {
                    log.info("Verified callback for {}: {}", LogText.escape(callback.variable("object").orElse("?")),
                            LogText.escape(callback.text()));
                    return ServerResponse.ok().bodyValue(CallbackReceipt.of(callback));
                })
                .onErrorResume(CallbackVerificationException.class, e -> {
                    log.warn("Rejected a callback: {} ({})", e.reason(), LogText.escape(e.getMessage()));
                    HttpStatus status = e.reason() == Reason.PUBLIC_KEY_UNAVAILABLE
                            || e.reason() == Reason.REPLAY_CHECK_UNAVAILABLE
                            ? HttpStatus.SERVICE_UNAVAILABLE
                            : HttpStatus.UNAUTHORIZED;
                    return ServerResponse.status(status)
                            .bodyValue(Map.of("Status", "Rejected", "reason", e.reason().name()));
                });
    }
}
