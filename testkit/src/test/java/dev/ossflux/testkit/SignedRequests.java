package dev.ossflux.testkit;

import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.internal.sign.PercentEncoding;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.sign.RequestSigner;
import dev.ossflux.core.internal.sign.SigningInput;
import dev.ossflux.core.internal.sign.V1Signer;
import dev.ossflux.core.internal.sign.V4Signer;
import dev.ossflux.core.internal.xml.ErrorBody;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/** Hand-made signed requests for what the SDKs will not send (descending part lists, odd headers, raw checks). */
final class SignedRequests {

    private static final HttpClient CLIENT = HttpClient.create();

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        ErrorBody error() {
            return ErrorBody.parse(body);
        }

        String errorCode() {
            return error().get("Code");
        }
    }

    /** A request builder; V4-signed with the emulator's default credentials unless told otherwise. */
    static final class Request {
        final String method;
        final String bucket;
        final String key;
        final List<QueryParam> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        RequestSigner signer;
        Credentials credentials = Credentials.of(OssEmulator.DEFAULT_ACCESS_KEY_ID,
                OssEmulator.DEFAULT_ACCESS_KEY_SECRET);
        Instant time = Instant.now();
        boolean sign = true;
        String virtualHost;
        String rawUrl;

        Request(String method, String bucket, String key) {
            this.method = method;
            this.bucket = bucket;
            this.key = key;
        }

        Request query(String name, String value) {
            query.add(value == null ? QueryParam.flag(name) : QueryParam.of(name, value));
            return this;
        }

        Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        Request body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request v1() {
            this.signer = new V1Signer();
            return this;
        }

        Request at(Instant time) {
            this.time = time;
            return this;
        }

        Request credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Virtual-hosted style: the bucket goes in this {@code Host} header, not in the path. */
        Request virtualHost(String host) {
            this.virtualHost = host;
            return this;
        }

        /** Sends this path and query as written (percent-escapes and all) instead of the encoded key and query. */
        Request rawUrl(String pathAndQuery) {
            this.rawUrl = pathAndQuery;
            return this;
        }

        Request unsigned() {
            this.sign = false;
            return this;
        }
    }

    private SignedRequests() {
    }

    /** The path-style URL of a request to the emulator, key and query percent-encoded as OSS clients do. */
    static String pathStyleUrl(String endpoint, String bucket, String key, List<QueryParam> query) {
        StringBuilder url = new StringBuilder(endpoint).append('/').append(bucket).append('/');
        if (key != null) {
            url.append(PercentEncoding.encode(key, true));
        }
        for (int i = 0; i < query.size(); i++) {
            QueryParam param = query.get(i);
            url.append(i == 0 ? '?' : '&').append(PercentEncoding.encode(param.name(), false));
            if (param.value() != null) {
                url.append('=').append(PercentEncoding.encode(param.value(), false));
            }
        }
        return url.toString();
    }

    static Response send(OssEmulator oss, String method, String bucket, String key, String rawQuery, String body) {
        Request request = new Request(method, bucket, key).body(body);
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            request.query(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
        }
        return send(oss, request);
    }

    static Response send(OssEmulator oss, Request r) {
        return sendAsync(oss, r).block(Duration.ofSeconds(20));
    }

    /** Signs {@code r} now and sends it when subscribed. */
    static Mono<Response> sendAsync(OssEmulator oss, Request r) {
        Map<String, String> headers = new LinkedHashMap<>(r.headers);
        if (r.sign) {
            RequestSigner signer = r.signer != null ? r.signer : new V4Signer(oss.region());
            signer.sign(new SigningInput(r.method, r.bucket, r.key, r.query, headers), r.credentials, r.time);
        }
        String url = r.rawUrl != null ? oss.endpoint() + r.rawUrl
                : pathStyleUrl(oss.endpoint(), r.bucket, r.key, r.query);
        if (r.virtualHost != null) {
            url = url.replaceFirst("/" + r.bucket + "/", "/");
            headers.put("host", r.virtualHost);
        }
        return CLIENT.headers(h -> headers.forEach(h::set))
                .request(HttpMethod.valueOf(r.method)).uri(url)
                .send(ByteBufFlux.fromInbound(Mono.just(r.body)))
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> {
                            Map<String, String> map = new LinkedHashMap<>();
                            response.responseHeaders().forEach(h -> map.put(h.getKey().toLowerCase(Locale.ROOT),
                                    h.getValue()));
                            return new Response(response.status().code(), map, bytes);
                        }));
    }
}
