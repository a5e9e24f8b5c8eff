package dev.ossflux.core.internal.sign;

import dev.ossflux.core.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/** The V4 header signature (OSS4-HMAC-SHA256) over an {@code UNSIGNED-PAYLOAD}. */
public final class V4Signer implements RequestSigner {

    public static final String ALGORITHM = "OSS4-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String region;
    /** The signing key of the last (secret, day) pair: it changes once a day, so one entry suffices. */
    private final AtomicReference<CachedKey> cachedKey = new AtomicReference<>();
    /** The last second formatted: requests signed in the same second share the string. */
    private final AtomicReference<Timestamp> lastTimestamp = new AtomicReference<>(new Timestamp(Long.MIN_VALUE, ""));

    public V4Signer(String region) {
        this.region = region;
    }

    @Override
    public void sign(SigningInput input, Credentials credentials, Instant now) {
        Map<String, String> headers = input.headers();
        String timestamp = timestamp(now);
        String day = timestamp.substring(0, 8);
        headers.put("x-oss-date", timestamp);
        headers.put("x-oss-content-sha256", UNSIGNED_PAYLOAD);
        RequestSigner.addSecurityToken(headers, credentials);
        String scope = scope(day, region);
        String stringToSign = stringToSign(timestamp, scope, canonicalRequest(input, List.of()));
        String signature = Hashing.hex(Hashing.hmacSha256(signingKey(credentials.accessKeySecret(), day),
                stringToSign));
        headers.put("authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ",Signature=" + signature);
    }

    public static String scope(String day, String region) {
        return day + "/" + region + "/oss/aliyun_v4_request";
    }

    /** The canonical request; {@code additionalHeaders} are lower-case names beyond the default signed set. */
    public static String canonicalRequest(SigningInput input, Collection<String> additionalHeaders) {
        StringBuilder s = new StringBuilder(512)
                .append(input.method()).append('\n')
                .append(PercentEncoding.encode(input.resourcePath(), true)).append('\n')
                .append(canonicalQuery(input.query())).append('\n');
        TreeMap<String, String> signed = new TreeMap<>();
        input.headers().forEach((name, value) -> {
            if (name.startsWith("x-oss-") || name.equals("content-type") || name.equals("content-md5")
                    || additionalHeaders.contains(name)) {
                signed.put(name, value.trim());
            }
        });
        signed.forEach((name, value) -> s.append(name).append(':').append(value).append('\n'));
        s.append('\n');
        List<String> extra = new ArrayList<>(additionalHeaders);
        extra.sort(null);
        s.append(String.join(";", extra)).append('\n');
        String payload = input.headers().get("x-oss-content-sha256");
        return s.append(payload == null ? UNSIGNED_PAYLOAD : payload).toString();
    }

    public static String stringToSign(String timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + Hashing.sha256Hex(canonicalRequest);
    }

    public static byte[] deriveSigningKey(String secret, String day, String region) {
        byte[] key = Hashing.hmacSha256(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = Hashing.hmacSha256(key, region);
        key = Hashing.hmacSha256(key, "oss");
        return Hashing.hmacSha256(key, "aliyun_v4_request");
    }

    private String timestamp(Instant now) {
        long second = now.getEpochSecond();
        Timestamp last = lastTimestamp.get();
        if (last.second() == second) {
            return last.text();
        }
        String text = TIMESTAMP.format(now);
        lastTimestamp.set(new Timestamp(second, text));
        return text;
    }

    private byte[] signingKey(String secret, String day) {
        CachedKey cached = cachedKey.get();
        if (cached != null && cached.day.equals(day) && cached.secret.equals(secret)) {
            return cached.key;
        }
        byte[] key = deriveSigningKey(secret, day, region);
        cachedKey.set(new CachedKey(secret, day, key));
        return key;
    }

    /** Every parameter, repeated ones included, sorted by encoded name and then encoded value. */
    static String canonicalQuery(List<QueryParam> query) {
        List<String[]> sorted = new ArrayList<>(query.size());
        for (QueryParam param : query) {
            String value = param.value() == null ? "" : param.value();
            sorted.add(new String[] {PercentEncoding.encode(param.name(), false),
                PercentEncoding.encode(value, false)});
        }
        sorted.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder s = new StringBuilder();
        for (String[] pair : sorted) {
            s.append(s.length() == 0 ? "" : "&").append(pair[0]);
            if (!pair[1].isEmpty()) {
                s.append('=').append(pair[1]);
            }
        }
        return s.toString();
    }

    private record Timestamp(long second, String text) {
    }

    private record CachedKey(String secret, String day, byte[] key) {
        @Override
        public String toString() {
            return "CachedKey[day=" + day + "]";
        }
    }
}
