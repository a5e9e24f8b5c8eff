package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PostForm;
import dev.ossflux.core.PostPolicy;
import dev.ossflux.core.SignatureVersion;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every policy condition PostObject checks, with OSS's error codes, on policies written out by hand and
 * signed here with {@link Mac} (not with the signer under test); and the file part streamed, not buffered.
 */
class PostObjectPolicyIT {

    private static final String BUCKET = "policy-bucket";
    @RegisterExtension
    static final OssEmulatorExtension OSS = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET));

    private static String url() {
        return OSS.emulator().endpoint() + "/" + BUCKET;
    }

    private static String inAnHour() {
        return Instant.now().plusSeconds(3600).toString();
    }

    /** A V1 form for {@code policyJson}, with {@code fields} before the signature's own. */
    static Map<String, String> v1Form(String policyJson, Map<String, String> fields) {
        String policy = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("OSSAccessKeyId", OssEmulator.DEFAULT_ACCESS_KEY_ID);
        form.put("policy", policy);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(OssEmulator.DEFAULT_ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA1"));
            form.put("Signature", Base64.getEncoder().encodeToString(
                    mac.doFinal(policy.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return form;
    }

    private static Forms.Response post(String conditions, Map<String, String> fields, String file) {
        String policy = "{\"expiration\":\"" + inAnHour() + "\",\"conditions\":[" + conditions + "]}";
        return Forms.post(url(), v1Form(policy, fields), "f.txt", file.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Forms.Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("<Code>" + code + "</Code>", message);
    }

    @Test
    void refusesAnExpiredPolicy() {
        String policy = "{\"expiration\":\"" + Instant.now().minusSeconds(1) + "\",\"conditions\":[]}";
        Forms.Response response = Forms.post(url(), v1Form(policy, Map.of("key", "expired.txt")), "f", new byte[1]);
        assertRefused(response, 403, "AccessDenied", "Policy expired");
        assertThat(OSS.emulator().object(BUCKET, "expired.txt")).isEmpty();
    }

    @Test
    void checksEqAndExactMatchConditionsOnKeyBucketAndStatus() {
        assertRefused(post("[\"eq\",\"$key\",\"a.txt\"]", Map.of("key", "b.txt"), "x"), 403, "AccessDenied",
                "Policy Condition failed: [\"eq\",\"$key\",\"a.txt\"]");
        assertRefused(post("{\"bucket\":\"another-bucket\"}", Map.of("key", "b.txt"), "x"), 403, "AccessDenied",
                "Policy Condition failed");
        assertRefused(post("{\"bucket\":\"" + BUCKET + "\",\"success_action_status\":\"201\"}",
                Map.of("key", "b.txt"), "x"), 403,
                "AccessDenied", "Policy Condition failed");
        Forms.Response ok = post("[\"eq\",\"$key\",\"a.txt\"],{\"bucket\":\"" + BUCKET + "\","
                + "\"success_action_status\":\"200\"}", Map.of("key", "a.txt", "success_action_status", "200"), "x");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(OSS.emulator().object(BUCKET, "a.txt")).isPresent();
        assertThat(OSS.emulator().object(BUCKET, "b.txt")).isEmpty();
    }

    @Test
    void checksStartsWithAndInConditionsOnKeyAndContentType() {
        String conditions = "[\"starts-with\",\"$key\",\"user/7/\"],[\"starts-with\",\"$Content-Type\",\"image/\"]";
        assertRefused(post(conditions, Map.of("key", "user/8/a.png", "Content-Type", "image/png"), "x"), 403,
                "AccessDenied", "$key");
        assertRefused(post(conditions, Map.of("key", "user/7/a.png", "Content-Type", "text/html"), "x"), 403,
                "AccessDenied", "$Content-Type");
        assertRefused(post("[\"in\",\"$content-type\",[\"image/jpeg\",\"image/png\"]]",
                Map.of("key", "in.gif", "Content-Type", "image/gif"), "x"), 403, "AccessDenied", "in");
        Forms.Response ok = post(conditions, Map.of("key", "user/7/${filename}", "Content-Type", "image/png"), "png");
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(OSS.emulator().object(BUCKET, "user/7/f.txt").orElseThrow().contentType()).isEqualTo("image/png");
    }

    @Test
    void checksMetadataAndCallbackVariableConditions() {
        String conditions = "[\"eq\",\"$x-oss-meta-owner\",\"alice\"],[\"eq\",\"$x:uid\",\"42\"]";
        assertRefused(post(conditions, Map.of("key", "m.txt", "x-oss-meta-owner", "mallory", "x:uid", "42"), "x"),
                403, "AccessDenied", "x-oss-meta-owner");
        assertRefused(post(conditions, Map.of("key", "m.txt", "x-oss-meta-owner", "alice"), "x"), 403,
                "AccessDenied", "x:uid");
        Forms.Response ok = post(conditions, Map.of("key", "m.txt", "x-oss-meta-owner", "alice", "x:uid", "42"), "m");
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(OSS.emulator().object(BUCKET, "m.txt").orElseThrow().userMetadata()).containsEntry("owner", "alice");
    }

    @Test
    void enforcesTheContentLengthRange() {
        String range = "[\"content-length-range\",3,5]";
        assertRefused(post(range, Map.of("key", "small.txt"), "ab"), 400, "EntityTooSmall", "MinSizeAllowed");
        assertRefused(post(range, Map.of("key", "large.txt"), "abcdef"), 400, "EntityTooLarge", "MaxSizeAllowed");
        assertThat(post(range, Map.of("key", "fits.txt"), "abcde").status()).isEqualTo(204);
        assertThat(OSS.emulator().object(BUCKET, "small.txt")).isEmpty();
        assertThat(OSS.emulator().object(BUCKET, "large.txt")).isEmpty();
    }

    @Test
    void refusesMalformedPolicyDocuments() {
        for (String policy : new String[] {"not json", "{\"conditions\":[]}",
            "{\"expiration\":\"" + inAnHour() + "\",\"conditions\":[[\"matches\",\"$key\",\"a\"]]}",
            "{\"expiration\":\"" + inAnHour() + "\",\"conditions\":[[\"content-length-range\",9,1]]}"}) {
            Forms.Response response = Forms.post(url(), v1Form(policy, Map.of("key", "bad.txt")), "f", new byte[1]);
            assertRefused(response, 400, "InvalidPolicyDocument", "Invalid Policy");
        }
    }

    @Test
    void refusesFieldsAV4PolicyDoesNotCoverButNotOnV1() {
        try (OssClient client = OSS.emulator().clientBuilder().signatureVersion(SignatureVersion.V4).build()) {
            PostForm form = client.signPostPolicy(PostPolicy.builder(BUCKET).key("v4-extra.txt")
                    .expiresIn(Duration.ofMinutes(5)).build()).block();
            Map<String, String> extra = new LinkedHashMap<>(form.fields());
            extra.put("x-oss-meta-sneaky", "1");
            assertRefused(Forms.post(form.url(), extra, "f", new byte[1]), 403, "AccessDenied",
                    "Extra input fields: x-oss-meta-sneaky");
            extra.remove("x-oss-meta-sneaky");
            extra.put("x-ignore-note", "free");
            assertThat(Forms.post(form.url(), extra, "f", new byte[1]).status()).isEqualTo(204);
        }
        assertThat(post("", Map.of("key", "v1-extra.txt", "x-oss-meta-free", "1"), "x").status()).isEqualTo(204);
    }

    @Test
    void refusesABadSignatureAnUnsignedFormAndAnUnknownKey() {
        Map<String, String> form = v1Form("{\"expiration\":\"" + inAnHour() + "\",\"conditions\":[]}",
                Map.of("key", "sig.txt"));
        Map<String, String> tampered = new LinkedHashMap<>(form);
        tampered.put("Signature", "AAAA" + form.get("Signature").substring(4));
        assertRefused(Forms.post(url(), tampered, "f", new byte[1]), 403, "SignatureDoesNotMatch", "signature");
        Map<String, String> unsigned = Map.of("key", "sig.txt", "policy", form.get("policy"));
        assertRefused(Forms.post(url(), unsigned, "f", new byte[1]), 403, "AccessDenied", "bucket acl");
        Map<String, String> unknown = new LinkedHashMap<>(form);
        unknown.put("OSSAccessKeyId", "nobody");
        assertRefused(Forms.post(url(), unknown, "f", new byte[1]), 403, "InvalidAccessKeyId", "does not exist");
        assertThat(OSS.emulator().object(BUCKET, "sig.txt")).isEmpty();
    }

    /**
     * A 64 MiB file posted as a stream, stored in a data directory: the emulator's pooled buffers stay far
     * below the file's size, so the file part is never held whole.
     */
    @Test
    void streamsA64MibFileWithoutHoldingIt(@TempDir Path dataDir) throws Exception {
        long size = 64L << 20;
        PooledByteBufAllocatorMetric metric = PooledByteBufAllocator.DEFAULT.metric();
        try (OssEmulator disk = OssEmulator.builder().bucket(BUCKET).dataDir(dataDir).start()) {
            String policy = "{\"expiration\":\"" + inAnHour() + "\",\"conditions\":[[\"content-length-range\",1,"
                    + size + "]]}";
            Map<String, String> form = v1Form(policy, Map.of("key", "big.bin"));
            long baseline = metric.usedDirectMemory() + metric.usedHeapMemory();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(metric.usedDirectMemory() + metric.usedHeapMemory(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
            });
            sampler.start();
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            Forms.Response response;
            try {
                response = Forms.postStreamed(disk.endpoint() + "/" + BUCKET, form,
                        () -> new Generated(size, md5));
            } finally {
                sampling.set(false);
                sampler.join();
            }
            assertThat(response.status()).as(response.body()).isEqualTo(204);
            StoredObject stored = disk.object(BUCKET, "big.bin").orElseThrow();
            assertThat(stored.size()).isEqualTo(size);
            assertThat(stored.etag()).isEqualTo(HexFormat.of().formatHex(md5.digest()).toUpperCase(Locale.ROOT));
            long grown = peak.get() - baseline;
            System.out.printf("PostObject 64 MiB: pooled memory peak %.1f MiB, %.1f MiB above the baseline%n",
                    peak.get() / 1048576.0, grown / 1048576.0);
            assertThat(grown).isLessThan(24L << 20);
        }
    }

    /** Pseudo-random bytes made as they are read, hashed on the way out. */
    private static final class Generated extends InputStream {
        private final long size;
        private final MessageDigest md5;
        private long produced;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size, MessageDigest md5) {
            this.size = size;
            this.md5 = md5;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - produced);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                buffer[offset + i] = (byte) state;
            }
            md5.update(buffer, offset, n);
            produced += n;
            return n;
        }
    }
}
