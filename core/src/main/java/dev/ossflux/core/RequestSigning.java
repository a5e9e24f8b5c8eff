package dev.ossflux.core;

import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.internal.sign.RequestSigner;
import dev.ossflux.core.internal.sign.SigningInput;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The headers of one attempt, signed afresh with current credentials at the server's time. */
final class RequestSigning {

    private final Endpoint endpoint;
    private final RequestSigner signer;
    private final CredentialsProvider credentials;
    private final ServerClock clock;

    RequestSigning(Endpoint endpoint, RequestSigner signer, CredentialsProvider credentials, ServerClock clock) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.credentials = credentials;
        this.clock = clock;
    }

    Mono<Map<String, String>> headers(OssRequest request) {
        return credentials.credentials().map(signing -> {
            Map<String, String> headers = new HashMap<>(request.headers());
            headers.put("host", endpoint.hostHeader(request.bucket()));
            signer.sign(new SigningInput(request.method().name(), request.bucket(), request.key(), request.query(),
                    headers), signing, clock.now());
            return headers;
        });
    }
}
