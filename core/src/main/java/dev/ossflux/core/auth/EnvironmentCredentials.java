package dev.ossflux.core.auth;

import java.util.Optional;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/** Reads the {@code OSS_*} variables; package-private so tests can substitute the environment. */
final class EnvironmentCredentials implements CredentialsProvider {

    static final EnvironmentCredentials PROVIDER = new EnvironmentCredentials(System::getenv);

    private final Mono<Credentials> credentials;

    EnvironmentCredentials(UnaryOperator<String> environment) {
        this.credentials = Mono.fromCallable(() -> read(environment)).cache();
    }

    @Override
    public Mono<Credentials> credentials() {
        return credentials;
    }

    private static Credentials read(UnaryOperator<String> environment) {
        String id = require(environment, ACCESS_KEY_ID_VARIABLE);
        String secret = require(environment, ACCESS_KEY_SECRET_VARIABLE);
        Optional<String> token = Optional.ofNullable(environment.apply(SESSION_TOKEN_VARIABLE))
                .filter(value -> !value.isBlank());
        return new Credentials(id, secret, token, Optional.empty());
    }

    private static String require(UnaryOperator<String> environment, String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("credentials: environment variable " + name + " is not set");
        }
        return value;
    }

    @Override
    public String toString() {
        return "CredentialsProvider.fromEnvironment()";
    }
}
