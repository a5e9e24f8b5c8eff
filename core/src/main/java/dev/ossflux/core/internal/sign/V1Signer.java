package dev.ossflux.core.internal.sign;

import dev.ossflux.core.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The V1 header signature: {@code Authorization: OSS <AccessKeyId>:base64(HMAC-SHA1(secret, StringToSign))}. */
public final class V1Signer implements RequestSigner {

    /** RFC 1123 with a two-digit day, as HTTP dates are written. */
    public static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Query parameters that take part in the V1 canonical resource. */
    static final Set<String> SUB_RESOURCES = Set.of(
            "acl", "uploads", "location", "cors", "logging", "website", "referer", "lifecycle", "delete", "append",
            "tagging", "objectMeta", "uploadId", "partNumber", "security-token", "position", "img", "style",
            "styleName", "replication", "replicationProgress", "replicationLocation", "cname", "bucketInfo", "comp",
            "qos", "live", "status", "vod", "startTime", "endTime", "x-oss-process", "processConfiguration",
            "symlink", "stat", "restore", "versions", "versioning", "versionId", "encryption", "policy",
            "requestPayment", "x-oss-traffic-limit", "qosInfo", "asyncFetch", "sequential", "x-oss-request-payer",
            "vpcip", "vip", "inventory", "inventoryId", "continuation-token", "worm", "wormId", "wormExtend",
            "callback", "callback-var", "x-oss-dir", "x-oss-rename", "x-oss-delete", "transferAcceleration",
            "resourceGroup", "regionList", "response-content-type", "response-content-language",
            "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding");

    @Override
    public void sign(SigningInput input, Credentials credentials, Instant now) {
        Map<String, String> headers = input.headers();
        headers.put("date", HTTP_DATE.format(now));
        RequestSigner.addSecurityToken(headers, credentials);
        headers.put("authorization", "OSS " + credentials.accessKeyId() + ":"
                + signature(credentials.accessKeySecret(), stringToSign(input)));
    }

    /**
     * The V1 StringToSign. Its date line is the {@code Date} header, or {@code x-oss-date} when there is no
     * {@code Date} (browsers cannot set {@code Date}, so browser-style clients sign with {@code x-oss-date}).
     */
    public static String stringToSign(SigningInput input) {
        StringBuilder s = new StringBuilder(256)
                .append(input.method()).append('\n')
                .append(input.header("content-md5")).append('\n')
                .append(input.header("content-type")).append('\n')
                .append(dateLine(input)).append('\n');
        input.headers().entrySet().stream()
                .filter(h -> h.getKey().startsWith("x-oss-"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(h -> s.append(h.getKey()).append(':').append(h.getValue().trim()).append('\n'));
        return s.append(canonicalResource(input)).toString();
    }

    /** The value signed as the date: {@code Date}, else {@code x-oss-date}, else empty. */
    public static String dateLine(SigningInput input) {
        String date = input.headers().get("date");
        return date != null ? date : input.header("x-oss-date");
    }

    public static String signature(String secret, String stringToSign) {
        return Base64.getEncoder().encodeToString(
                Hashing.hmacSha1(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    static String canonicalResource(SigningInput input) {
        List<QueryParam> subResources = new ArrayList<>();
        for (QueryParam param : input.query()) {
            if (SUB_RESOURCES.contains(param.name())) {
                subResources.add(param);
            }
        }
        String path = input.resourcePath();
        if (subResources.isEmpty()) {
            return path;
        }
        subResources.sort(Comparator.comparing(QueryParam::name));
        StringBuilder s = new StringBuilder(path).append('?');
        for (int i = 0; i < subResources.size(); i++) {
            QueryParam param = subResources.get(i);
            s.append(i == 0 ? "" : "&").append(param.name());
            if (param.value() != null && !param.value().isEmpty()) {
                s.append('=').append(param.value());
            }
        }
        return s.toString();
    }
}
