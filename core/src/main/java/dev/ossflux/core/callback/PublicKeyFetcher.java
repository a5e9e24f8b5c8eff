package dev.ossflux.core.callback;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Fetches a PEM public key with Reactor Netty, without blocking: one GET, no redirects, at most
 * {@code maxKeySize} bytes read, all within {@code timeout}.
 */
final class PublicKeyFetcher {

    private static final String USER_AGENT = "ossflux/0.1 (Java " + Runtime.version().feature() + ")";

    private final HttpClient http;
    private final Duration timeout;
    private final int maxKeySize;

    PublicKeyFetcher(HttpClient http, Duration timeout, int maxKeySize) {
        this.http = http.followRedirect(false)
                .headers(headers -> headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT));
        this.timeout = timeout;
        this.maxKeySize = maxKeySize;
    }

    /** Emits the key at {@code url}, which must be trusted; fails with {@link Reason#PUBLIC_KEY_UNAVAILABLE}. */
    Mono<PublicKey> fetch(String url) {
        return http.get().uri(url)
                .response((response, body) -> {
                    int status = response.status().code();
                    if (status != 200) {
                        return Mono.error(unavailable(url, "answered HTTP " + status, null));
                    }
                    if (declaredLength(response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH)) > maxKeySize) {
                        return Mono.error(tooLarge(url));
                    }
                    return body.asByteArray().collect(ByteArrayOutputStream::new, (out, chunk) -> {
                        if (out.size() + chunk.length > maxKeySize) {
                            throw tooLarge(url);
                        }
                        out.write(chunk, 0, chunk.length);
                    });
                })
                .next()
                .switchIfEmpty(Mono.error(() -> unavailable(url, "sent no response", null)))
                .timeout(timeout)
                .map(out -> parse(url, out.toByteArray()))
                .onErrorMap(PublicKeyFetcher::isFetchFailure, e -> e instanceof TimeoutException
                        ? unavailable(url, "did not answer within " + timeout.toMillis() + " ms", e)
                        : unavailable(url, "could not be read: " + e, e));
    }

    /** Network and protocol failures; not our own verdicts, and not JVM errors. */
    private static boolean isFetchFailure(Throwable e) {
        return e instanceof Exception && !(e instanceof CallbackVerificationException);
    }

    private static long declaredLength(@Nullable String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static PublicKey parse(String url, byte[] pem) {
        try {
            return PemPublicKey.parse(pem);
        } catch (IllegalArgumentException e) {
            throw unavailable(url, "does not hold a key: " + e.getMessage(), e);
        }
    }

    private CallbackVerificationException tooLarge(String url) {
        return unavailable(url, "is larger than " + maxKeySize + " bytes", null);
    }

    private static CallbackVerificationException unavailable(String url, String what, @Nullable Throwable cause) {
        return new CallbackVerificationException(Reason.PUBLIC_KEY_UNAVAILABLE,
                "public key URL '" + Printable.of(url) + "' " + what, cause);
    }
}
