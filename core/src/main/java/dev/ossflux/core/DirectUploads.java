package dev.ossflux.core;

import dev.ossflux.core.PolicyDocument.Condition;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.internal.sign.PostSignature;
import dev.ossflux.core.internal.sign.Presigner;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.sign.SigningInput;
import dev.ossflux.core.internal.sign.V4Signer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Signs what others send straight to OSS without credentials: PostObject forms and presigned URLs. */
final class DirectUploads {

    private final Endpoint endpoint;
    private final String region;
    private final SignatureVersion version;
    private final CredentialsProvider credentials;
    private final ServerClock clock;

    DirectUploads(Endpoint endpoint, String region, SignatureVersion version, CredentialsProvider credentials,
            ServerClock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.version = version;
        this.credentials = credentials;
        this.clock = clock;
    }

    Mono<PostForm> sign(PostPolicy policy) {
        return Mono.defer(() -> {
            Objects.requireNonNull(policy, "policy");
            Instant now = clock.now();
            Instant expiration = policy.expiration(now);
            requireLifetime(Duration.between(now, expiration), "expiresIn");
            return credentials.credentials().map(signing -> form(policy, signing, now, expiration));
        });
    }

    Mono<PresignedRequest> presign(PresignRequest request) {
        return Mono.defer(() -> {
            Objects.requireNonNull(request, "request");
            requireLifetime(request.expiresIn(), "expiresIn");
            Instant now = clock.now();
            return credentials.credentials().map(signing -> presigned(request, signing, now));
        });
    }

    private PostForm form(PostPolicy policy, Credentials signing, Instant now, Instant expiration) {
        List<Condition> conditions = new ArrayList<>();
        Map<String, String> pinned = new LinkedHashMap<>();
        conditions.add(new Condition.Exact("bucket", policy.bucket()));
        conditions.add(new Condition.Match(policy.keyPrefix(), "key", policy.key()));
        conditions.add(new Condition.LengthRange(policy.minSize(), policy.maxSize()));
        policy.contentType().ifPresent(type -> {
            conditions.add(new Condition.Match(policy.contentTypePrefix(), "content-type", type));
            if (!policy.contentTypePrefix()) {
                pinned.put("Content-Type", type);
            }
        });
        policy.successActionStatus().ifPresent(status -> pin(conditions, pinned, "success_action_status",
                Integer.toString(status)));
        policy.metadata().forEach((name, value) -> pin(conditions, pinned, "x-oss-meta-" + name, value));
        policy.fields().forEach((name, value) -> pin(conditions, pinned, formName(name), value));
        policy.callback().ifPresent(callback -> {
            pin(conditions, pinned, "callback", callback.headerValue());
            callback.variables().forEach((name, value) -> pin(conditions, pinned, name, value));
        });
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", policy.keyPrefix() ? policy.key() + "${filename}" : policy.key());
        if (version == SignatureVersion.V4) {
            String timestamp = V4Signer.TIMESTAMP.format(now);
            String day = timestamp.substring(0, 8);
            Map<String, String> v4 = new LinkedHashMap<>();
            v4.put("x-oss-signature-version", V4Signer.ALGORITHM);
            v4.put("x-oss-credential", signing.accessKeyId() + "/" + V4Signer.scope(day, region));
            v4.put("x-oss-date", timestamp);
            signing.securityToken().ifPresent(token -> v4.put("x-oss-security-token", token));
            v4.forEach((name, value) -> conditions.add(new Condition.Exact(name, value)));
            String policyField = new PolicyDocument(expiration, conditions).base64();
            fields.put("policy", policyField);
            fields.putAll(v4);
            fields.put("x-oss-signature", PostSignature.v4(signing.accessKeySecret(), day, region, policyField));
        } else {
            signing.securityToken().ifPresent(token -> conditions.add(
                    new Condition.Exact("x-oss-security-token", token)));
            String policyField = new PolicyDocument(expiration, conditions).base64();
            fields.put("policy", policyField);
            fields.put("OSSAccessKeyId", signing.accessKeyId());
            fields.put("Signature", PostSignature.v1(signing.accessKeySecret(), policyField));
            signing.securityToken().ifPresent(token -> fields.put("x-oss-security-token", token));
        }
        fields.putAll(pinned);
        return new PostForm(endpoint.url(policy.bucket(), null, List.of()), fields, expiration);
    }

    private PresignedRequest presigned(PresignRequest request, Credentials signing, Instant now) {
        Map<String, String> sent = new LinkedHashMap<>();
        request.contentType().ifPresent(type -> sent.put("Content-Type", type));
        request.metadata().forEach((name, value) -> sent.put("x-oss-meta-" + name, value));
        Map<String, String> signed = new HashMap<>();
        sent.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
        List<QueryParam> query = new ArrayList<>();
        request.callback().ifPresent(callback -> {
            query.add(QueryParam.of("callback", callback.headerValue()));
            callback.variablesHeaderValue().ifPresent(vars -> query.add(QueryParam.of("callback-var", vars)));
        });
        SigningInput input = new SigningInput(request.method(), request.bucket(), request.key(), query, signed);
        long lifetime = request.expiresIn().toSeconds();
        Instant expiration = now.plusSeconds(lifetime);
        query.addAll(version == SignatureVersion.V4
                ? Presigner.v4(input, signing, region, now, lifetime)
                : Presigner.v1(input, signing, expiration));
        return new PresignedRequest(request.method(), endpoint.url(request.bucket(), request.key(), query), sent,
                expiration);
    }

    /** A lifetime of at least a second, and at most 7 days for V4 signatures. */
    private void requireLifetime(Duration lifetime, String field) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException(field + ": the expiry must be at least a second in the future, got "
                    + lifetime);
        }
        if (version == SignatureVersion.V4 && lifetime.toSeconds() > Presigner.V4_MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException(field + ": V4 signatures are valid for at most 7 days, got "
                    + lifetime);
        }
    }

    private static void pin(List<Condition> conditions, Map<String, String> fields, String name, String value) {
        conditions.add(new Condition.Match(false, name.toLowerCase(Locale.ROOT), value));
        fields.put(name, value);
    }

    /** The field name as OSS documents it: {@code Cache-Control}, but {@code x-oss-object-acl}. */
    private static String formName(String lowerCase) {
        if (lowerCase.startsWith("x-oss-")) {
            return lowerCase;
        }
        StringBuilder name = new StringBuilder(lowerCase.length());
        boolean upper = true;
        for (char c : lowerCase.toCharArray()) {
            name.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return name.toString();
    }
}
