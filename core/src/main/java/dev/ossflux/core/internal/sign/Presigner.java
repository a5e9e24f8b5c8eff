package dev.ossflux.core.internal.sign;

import dev.ossflux.core.auth.Credentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signatures carried in the query of a URL instead of in headers (presigned URLs), V1 (§5.2 of the
 * protocol notes) and V4 (§5.4). The caller appends the returned parameters to the request's own
 * query; the requester must then send exactly the signed headers.
 */
public final class Presigner {

    /** The longest a V4 presigned URL may live: 7 days. */
    public static final long V4_MAX_LIFETIME_SECONDS = 604_800;

    private Presigner() {
    }

    /**
     * The V1 parameters ({@code OSSAccessKeyId}, {@code Expires}, {@code Signature}, and
     * {@code security-token} for STS credentials) for {@code input} valid until {@code expires}.
     */
    public static List<QueryParam> v1(SigningInput input, Credentials credentials, Instant expires) {
        String expiresText = Long.toString(expires.getEpochSecond());
        List<QueryParam> query = new ArrayList<>(input.query());
        credentials.securityToken().ifPresent(token -> query.add(QueryParam.of("security-token", token)));
        Map<String, String> headers = new HashMap<>(input.headers());
        headers.put("date", expiresText);
        String stringToSign = V1Signer.stringToSign(new SigningInput(input.method(), input.bucket(), input.key(),
                query, headers));
        List<QueryParam> added = new ArrayList<>(4);
        added.add(QueryParam.of("OSSAccessKeyId", credentials.accessKeyId()));
        added.add(QueryParam.of("Expires", expiresText));
        added.add(QueryParam.of("Signature", V1Signer.signature(credentials.accessKeySecret(), stringToSign)));
        credentials.securityToken().ifPresent(token -> added.add(QueryParam.of("security-token", token)));
        return added;
    }

    /**
     * The V4 parameters ({@code x-oss-date}, {@code x-oss-expires}, {@code x-oss-signature-version},
     * {@code x-oss-credential}, {@code x-oss-security-token} for STS, then {@code x-oss-signature}) for
     * {@code input} signed at {@code now} and valid for {@code lifetimeSeconds}.
     */
    public static List<QueryParam> v4(SigningInput input, Credentials credentials, String region, Instant now,
            long lifetimeSeconds) {
        String timestamp = V4Signer.TIMESTAMP.format(now);
        String day = timestamp.substring(0, 8);
        String scope = V4Signer.scope(day, region);
        List<QueryParam> added = new ArrayList<>(6);
        added.add(QueryParam.of("x-oss-date", timestamp));
        added.add(QueryParam.of("x-oss-expires", Long.toString(lifetimeSeconds)));
        added.add(QueryParam.of("x-oss-signature-version", V4Signer.ALGORITHM));
        added.add(QueryParam.of("x-oss-credential", credentials.accessKeyId() + "/" + scope));
        credentials.securityToken().ifPresent(token -> added.add(QueryParam.of("x-oss-security-token", token)));
        List<QueryParam> query = new ArrayList<>(input.query());
        query.addAll(added);
        String canonical = V4Signer.canonicalRequest(new SigningInput(input.method(), input.bucket(), input.key(),
                query, input.headers()), List.of());
        String signature = Hashing.hex(Hashing.hmacSha256(V4Signer.deriveSigningKey(credentials.accessKeySecret(),
                day, region), V4Signer.stringToSign(timestamp, scope, canonical)));
        added.add(QueryParam.of("x-oss-signature", signature));
        return added;
    }
}
