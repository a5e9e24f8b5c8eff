package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.Hashing;
import dev.ossflux.core.internal.sign.PostSignature;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.sign.SigningInput;
import dev.ossflux.core.internal.sign.V1Signer;
import dev.ossflux.core.internal.sign.V4Signer;
import dev.ossflux.testkit.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Verifies V1 and V4 signatures (headers or presigned query) with the same signers the client uses,
 * before any of the body is read.
 */
final class Authenticator {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your key and signing method.";

    private final Map<String, Account> accounts;
    private final String region;
    private final Clock clock;
    private final boolean anonymousReads;

    Authenticator(Map<String, Account> accounts, String region, Clock clock, boolean anonymousReads) {
        this.accounts = Map.copyOf(accounts);
        this.region = region;
        this.clock = clock;
        this.anonymousReads = anonymousReads;
    }

    void verify(Exchange ex) {
        String authorization = ex.header("authorization");
        Target t = ex.target;
        if (authorization != null) {
            if (authorization.startsWith(V4Signer.ALGORITHM)) {
                verifyV4(ex, authorization.substring(V4Signer.ALGORITHM.length()).trim());
            } else if (authorization.startsWith("OSS ")) {
                verifyV1(ex, authorization.substring(4).trim());
            } else {
                throw OssError.invalidArgument("Authorization header is invalid.").field("Authorization",
                        authorization);
            }
        } else if (t.has("OSSAccessKeyId") && t.has("Signature")) {
            verifyV1Presigned(ex);
        } else if (t.has("x-oss-signature")) {
            verifyV4Presigned(ex);
        } else {
            boolean read = t.operation() == Operation.GET_OBJECT || t.operation() == Operation.HEAD_OBJECT;
            if (!(read && anonymousReads)) {
                throw OssError.accessDenied("You have no right to access this object because of bucket acl.")
                        .ec("0003-00000001");
            }
        }
    }

    /**
     * Verifies the signature of a PostObject form over its {@code policy} field (V4 when the form carries
     * {@code x-oss-signature-version}, else V1); {@code fields} are keyed by lower-case name. Returns whether
     * the form is V4-signed.
     */
    boolean verifyForm(Map<String, String> fields) {
        String policy = fields.get("policy");
        String version = fields.get("x-oss-signature-version");
        if (version == null && !fields.containsKey("ossaccesskeyid")) {
            throw OssError.accessDenied("You have no right to access this object because of bucket acl.")
                    .ec("0003-00000001");
        }
        if (policy == null || policy.isEmpty()) {
            throw OssError.invalidArgument("A signed form needs a 'policy' field.").field("ArgumentName", "policy");
        }
        if (version == null) {
            Account account = account(fields.get("ossaccesskeyid"), fields.get("x-oss-security-token"));
            String expected = PostSignature.v1(account.accessKeySecret(), policy);
            if (!constantTimeEquals(expected, fields.get("signature"))) {
                throw mismatch(account, String.valueOf(fields.get("signature")), policy);
            }
            return false;
        }
        String credential = fields.get("x-oss-credential");
        String timestamp = fields.get("x-oss-date");
        String[] scope = credential == null ? new String[0] : credential.split("/");
        if (!V4Signer.ALGORITHM.equals(version) || scope.length != 5 || timestamp == null
                || parseTimestamp(timestamp) == null) {
            throw OssError.invalidArgument("The form is missing or has invalid x-oss-signature-version, "
                    + "x-oss-credential or x-oss-date fields.");
        }
        Account account = account(scope[0], fields.get("x-oss-security-token"));
        String day = timestamp.substring(0, 8);
        String provided = String.valueOf(fields.get("x-oss-signature"));
        String expectedScope = V4Signer.scope(day, region);
        if (!String.join("/", List.of(scope).subList(1, 5)).equals(expectedScope)) {
            throw mismatch(account, provided, policy).field("ExpectedScope", expectedScope);
        }
        if (!constantTimeEquals(PostSignature.v4(account.accessKeySecret(), day, region, policy), provided)) {
            throw mismatch(account, provided, policy);
        }
        return true;
    }

    private void verifyV1(Exchange ex, String credentials) {
        int colon = credentials.lastIndexOf(':');
        if (colon <= 0) {
            throw OssError.invalidArgument("Authorization header is invalid.");
        }
        String accessKeyId = credentials.substring(0, colon);
        Account account = account(accessKeyId, ex.header("x-oss-security-token"));
        SigningInput input = input(ex, ex.target.query(), ex.headers);
        Instant date = Dates.parseHttp(V1Signer.dateLine(input));
        if (date == null) {
            throw OssError.accessDenied("OSS authentication requires a valid Date or x-oss-date.");
        }
        checkSkew(date);
        String stringToSign = V1Signer.stringToSign(input);
        checkV1(account, credentials.substring(colon + 1), stringToSign);
    }

    private void verifyV1Presigned(Exchange ex) {
        Target t = ex.target;
        Account account = account(t.param("OSSAccessKeyId"), t.param("security-token"));
        String expires = t.param("Expires");
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw OssError.accessDenied("Expires is not a number of seconds.");
        }
        if (clock.instant().getEpochSecond() > expiresAt) {
            throw OssError.accessDenied("Request has expired.").field("Expires", expires)
                    .field("ServerTime", Dates.iso(clock.instant()));
        }
        Map<String, String> headers = new HashMap<>(ex.headers);
        headers.put("date", expires);
        checkV1(account, t.param("Signature"), V1Signer.stringToSign(input(ex, t.query(), headers)));
    }

    private void checkV1(Account account, String provided, String stringToSign) {
        String expected = V1Signer.signature(account.accessKeySecret(), stringToSign);
        if (!constantTimeEquals(expected, provided)) {
            throw mismatch(account, provided, stringToSign).field("StringToSignBytes", hexBytes(stringToSign));
        }
    }

    private void verifyV4(Exchange ex, String parameters) {
        Map<String, String> fields = new HashMap<>();
        for (String part : parameters.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = fields.get("Credential");
        String signature = fields.get("Signature");
        if (credential == null || signature == null) {
            throw OssError.invalidArgument("Authorization header is invalid.");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5) {
            throw OssError.invalidArgument("Authorization header is invalid: bad Credential.");
        }
        Account account = account(scope[0], ex.header("x-oss-security-token"));
        String timestamp = ex.header("x-oss-date");
        Instant time = timestamp != null ? parseTimestamp(timestamp) : Dates.parseHttp(ex.header("date"));
        if (time == null) {
            throw OssError.accessDenied("OSS V4 authentication requires a valid x-oss-date or Date.");
        }
        if (timestamp == null) {
            timestamp = ex.header("date");
        }
        checkSkew(time);
        List<String> additional = additionalHeaders(fields.get("AdditionalHeaders"));
        String canonicalRequest = V4Signer.canonicalRequest(input(ex, ex.target.query(), ex.headers), additional);
        checkV4(account, scope, V4Signer.TIMESTAMP.format(time).substring(0, 8), timestamp, canonicalRequest,
                signature);
    }

    private void verifyV4Presigned(Exchange ex) {
        Target t = ex.target;
        String credential = t.param("x-oss-credential");
        String timestamp = t.param("x-oss-date");
        String[] scope = credential == null ? new String[0] : credential.split("/");
        Instant time = timestamp == null ? null : parseTimestamp(timestamp);
        if (scope.length != 5 || time == null || !V4Signer.ALGORITHM.equals(t.param("x-oss-signature-version"))) {
            throw OssError.invalidArgument("The presigned URL is missing or has invalid x-oss-* parameters.");
        }
        Account account = account(scope[0], t.param("x-oss-security-token"));
        long lifetime;
        try {
            lifetime = Long.parseLong(String.valueOf(t.param("x-oss-expires")));
        } catch (NumberFormatException e) {
            throw OssError.invalidArgument("x-oss-expires must be a number of seconds.");
        }
        if (clock.instant().isAfter(time.plusSeconds(lifetime))) {
            throw OssError.accessDenied("Request has expired.");
        }
        List<QueryParam> query = new ArrayList<>(t.query());
        query.removeIf(p -> p.name().equals("x-oss-signature"));
        List<String> additional = additionalHeaders(t.param("x-oss-additional-headers"));
        String canonicalRequest = V4Signer.canonicalRequest(input(ex, query, ex.headers), additional);
        checkV4(account, scope, timestamp.substring(0, 8), timestamp, canonicalRequest, t.param("x-oss-signature"));
    }

    private void checkV4(Account account, String[] scope, String day, String timestamp, String canonicalRequest,
            String provided) {
        String expectedScope = V4Signer.scope(day, region);
        String givenScope = String.join("/", List.of(scope).subList(1, 5));
        String stringToSign = V4Signer.stringToSign(timestamp, givenScope, canonicalRequest);
        if (!givenScope.equals(expectedScope)) {
            throw mismatch(account, provided, stringToSign).field("CanonicalRequest", canonicalRequest)
                    .field("ExpectedScope", expectedScope);
        }
        String expected = Hashing.hex(Hashing.hmacSha256(
                V4Signer.deriveSigningKey(account.accessKeySecret(), day, region), stringToSign));
        if (!constantTimeEquals(expected, provided)) {
            throw mismatch(account, provided, stringToSign).field("CanonicalRequest", canonicalRequest);
        }
    }

    private Account account(@Nullable String accessKeyId, @Nullable String securityToken) {
        Account account = accessKeyId == null ? null : accounts.get(accessKeyId);
        if (account == null) {
            throw new OssError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our "
                    + "records.").field("OSSAccessKeyId", String.valueOf(accessKeyId)).ec("0002-00000902");
        }
        if (account.securityToken() != null ? !account.securityToken().equals(securityToken) : securityToken != null) {
            throw new OssError(403, "InvalidSecurityToken", "The security token you provided is invalid.")
                    .ec("0002-00000901");
        }
        return account;
    }

    private void checkSkew(Instant requestTime) {
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new OssError(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.")
                    .field("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()))
                    .field("RequestTime", Dates.iso(requestTime)).field("ServerTime", Dates.iso(now))
                    .ec("0002-00000504");
        }
    }

    private static OssError mismatch(Account account, String provided, String stringToSign) {
        return new OssError(403, "SignatureDoesNotMatch", MISMATCH).field("SignatureProvided", provided)
                .field("StringToSign", stringToSign).field("OSSAccessKeyId", account.accessKeyId())
                .ec("0002-00000040");
    }

    private static SigningInput input(Exchange ex, List<QueryParam> query, Map<String, String> headers) {
        return new SigningInput(ex.request.method().name(), ex.target.bucket(), ex.target.key(), query, headers);
    }

    private static List<String> additionalHeaders(@Nullable String list) {
        List<String> names = new ArrayList<>();
        if (list != null) {
            for (String name : list.split(";")) {
                if (!name.isBlank()) {
                    names.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static @Nullable Instant parseTimestamp(String timestamp) {
        try {
            return Instant.from(V4Signer.TIMESTAMP.parse(timestamp));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean constantTimeEquals(String expected, @Nullable String provided) {
        return provided != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                provided.getBytes(StandardCharsets.UTF_8));
    }

    private static String hexBytes(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
