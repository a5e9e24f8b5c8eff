package dev.ossflux.core.internal.sign;

import dev.ossflux.core.auth.Credentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the requests of oss-protocol.md §10 in the shape the signers take. */
final class SignatureVectors {

    static final Credentials TEST = Credentials.of("LTAI-test-id", "test-secret");
    static final Credentials TEST_STS = Credentials.temporary("LTAI-test-id", "test-secret", "test-sts-token",
            Instant.parse("2030-01-01T00:00:00Z"));
    static final Instant NOW = Instant.ofEpochSecond(1705307400);
    static final String UPLOAD_ID = "0004B9894A22E5B1888A1E29F823ABCD";
    static final String CB_A = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9leGFtcGxlLmNvbS9jYWxsYmFjayIsImNhbGxiYWNrQm9keSI6ImJ1Y2tldD0k"
            + "e2J1Y2tldH0mb2JqZWN0PSR7b2JqZWN0fSJ9";
    static final String CB_B = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYWxsYmFjay5leGFtcGxlLmNvbTo4MDgwL29zcy9jYj9zcmM9b3NzIiwiY2Fs"
            + "bGJhY2tIb3N0IjoiY2FsbGJhY2suZXhhbXBsZS5jb20iLCJjYWxsYmFja0JvZHkiOiJidWNrZXQ9JHtidWNrZXR9Jm9iamVjdD0ke29iam"
            + "VjdH0mZXRhZz0ke2V0YWd9JnNpemU9JHtzaXplfSZtaW1lVHlwZT0ke21pbWVUeXBlfSZjcmM2ND0ke2NyYzY0fSZ1aWQ9JHt4OnVpZH0i"
            + "LCJjYWxsYmFja0JvZHlUeXBlIjoiYXBwbGljYXRpb24veC13d3ctZm9ybS11cmxlbmNvZGVkIn0=";
    static final String CB_C = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYWxsYmFjay5leGFtcGxlLmNvbS9jYiIsImNhbGxiYWNrQm9keSI6IntcIm9i"
            + "amVjdFwiOiR7b2JqZWN0fSxcInNpemVcIjoke3NpemV9LFwiY3JjNjRcIjoke2NyYzY0fX0iLCJjYWxsYmFja0JvZHlUeXBlIjoiYXBwbGlj"
            + "YXRpb24vanNvbiJ9";

    private SignatureVectors() {
    }

    static Request request(String method, String key) {
        return new Request(method, "examplebucket", key);
    }

    /** The PutObject with callback the Java SDK sent (§10.7 C-1 and C-2), before signing. */
    static Request capturedPutWithCallback() {
        return request("PUT", "exampledir/exampleobject.txt").header("x-oss-callback", CB_B)
                .header("x-oss-callback-var", "eyJ4OnVpZCI6IjQyIiB9").header("Content-Type", "text/plain");
    }

    static final class Request {
        private final String method;
        private final String bucket;
        private final String key;
        private final List<QueryParam> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();

        Request(String method, String bucket, String key) {
            this.method = method;
            this.bucket = bucket;
            this.key = key;
        }

        Request query(String name, String value) {
            query.add(new QueryParam(name, value));
            return this;
        }

        Request flag(String name) {
            query.add(QueryParam.flag(name));
            return this;
        }

        Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        SigningInput input() {
            return new SigningInput(method, bucket, key, List.copyOf(query), headers);
        }

        Map<String, String> signedHeaders() {
            return headers;
        }
    }
}
