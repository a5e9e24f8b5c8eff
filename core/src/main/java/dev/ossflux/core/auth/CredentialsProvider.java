package dev.ossflux.core.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Supplies the credentials each request is signed with. Called once per request attempt, on
 * any thread: implementations must not block and should cache.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /** Variable holding the AccessKey id. */
    String ACCESS_KEY_ID_VARIABLE = "OSS_ACCESS_KEY_ID";
    /** Variable holding the AccessKey secret. */
    String ACCESS_KEY_SECRET_VARIABLE = "OSS_ACCESS_KEY_SECRET";
    /** Variable holding an optional STS session token. */
    String SESSION_TOKEN_VARIABLE = "OSS_SESSION_TOKEN";

    /** The credentials to sign the next request with. */
    Mono<Credentials> credentials();

    /** Always the same credentials. */
    static CredentialsProvider of(Credentials credentials) {
        Mono<Credentials> fixed = Mono.just(Objects.requireNonNull(credentials, "credentials"));
        return () -> fixed;
    }

    /** Always the same long-term AccessKey pair. */
    static CredentialsProvider of(String accessKeyId, String accessKeySecret) {
        return of(Credentials.of(accessKeyId, accessKeySecret));
    }

    /**
     * Credentials from {@code OSS_ACCESS_KEY_ID}, {@code OSS_ACCESS_KEY_SECRET} and the optional
     * {@code OSS_SESSION_TOKEN}, read when first needed; a missing variable fails the request with
     * an {@link IllegalStateException} naming it.
     */
    static CredentialsProvider fromEnvironment() {
        return EnvironmentCredentials.PROVIDER;
    }

    /**
     * Caches what {@code fetch} emits (e.g. an STS AssumeRole call) and fetches again ahead of
     * expiry: within {@code refreshBefore} of {@link Credentials#expiration()} callers keep the
     * current credentials while one background refresh runs; once expired, callers share a single
     * fetch. Credentials without an expiry are kept for good. Never blocks.
     */
    static CredentialsProvider refreshing(Supplier<? extends Mono<Credentials>> fetch, Duration refreshBefore) {
        return new RefreshingCredentialsProvider(fetch, refreshBefore, java.time.Clock.systemUTC());
    }
}
