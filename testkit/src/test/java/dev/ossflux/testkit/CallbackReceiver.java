package dev.ossflux.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An application's callback endpoint for tests, independent of the emulator's code: it fetches the
 * public key named by {@code x-oss-pub-key-url} (only from the trusted prefix), verifies the
 * MD5withRSA signature with {@link Signature}, records the request and answers 200 JSON, or 400 when
 * the signature does not verify.
 */
final class CallbackReceiver implements AutoCloseable {

    record Call(String method, String uri, Map<String, String> headers, String body, boolean signatureValid) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String trustedKeyPrefix;
    private final HttpClient client = HttpClient.create();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final DisposableServer server;
    private volatile int status = 200;
    private volatile String reply = "{\"Status\":\"OK\"}";

    CallbackReceiver(String trustedKeyPrefix) {
        this.trustedKeyPrefix = trustedKeyPrefix;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    void answer(int status, String reply) {
        this.status = status;
        this.reply = reply;
    }

    Call take() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return call;
    }

    Call poll(Duration timeout) throws InterruptedException {
        return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> verify(request.uri(), headers, body)
                        .flatMap(valid -> {
                            calls.add(new Call(request.method().name(), request.uri(), headers, body, valid));
                            return valid
                                    ? response.status(status).header("Content-Type", "application/json")
                                            .sendString(Mono.just(reply)).then()
                                    : response.status(400).sendString(Mono.just("{\"error\":\"bad signature\"}"))
                                            .then();
                        }));
    }

    private Mono<Boolean> verify(String uri, Map<String, String> headers, String body) {
        String keyUrlHeader = headers.get("x-oss-pub-key-url");
        String authorization = headers.get("authorization");
        if (keyUrlHeader == null || authorization == null) {
            return Mono.just(false);
        }
        String keyUrl = new String(Base64.getDecoder().decode(keyUrlHeader), StandardCharsets.UTF_8);
        if (!keyUrl.startsWith(trustedKeyPrefix)) {
            return Mono.just(false);
        }
        return client.get().uri(keyUrl).responseContent().aggregate().asString(StandardCharsets.US_ASCII)
                .map(pem -> {
                    try {
                        URI parsed = URI.create(uri);
                        String query = parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery();
                        String stringToSign = parsed.getPath() + query + "\n" + body;
                        Signature signature = Signature.getInstance("MD5withRSA");
                        signature.initVerify(publicKey(pem));
                        signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
                        return signature.verify(Base64.getDecoder().decode(authorization));
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
