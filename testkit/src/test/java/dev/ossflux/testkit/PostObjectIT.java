package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PostForm;
import dev.ossflux.core.PostPolicy;
import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.callback.Callback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostObject with forms signed by ossflux's {@code signPostPolicy}, posted as a browser posts them: V1, V4 and
 * STS signatures, {@code success_action_status}, and the callback from the form (200 with the reply, 203).
 */
class PostObjectIT {

    private static final String BUCKET = "post-bucket";
    private static OssEmulator oss;
    private static OssEmulator sts;
    private static CallbackReceiver receiver;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).callbackTimeout(Duration.ofSeconds(2)).start();
        sts = OssEmulator.builder().bucket(BUCKET).temporaryCredentials("STS.id", "sts-secret", "sts-token").start();
        receiver = new CallbackReceiver(oss.endpoint() + "/");
    }

    @AfterAll
    static void stop() {
        receiver.close();
        sts.close();
        oss.close();
    }

    static PostForm sign(OssEmulator emulator, SignatureVersion version, PostPolicy policy) {
        OssClient client = emulator.clientBuilder().signatureVersion(version).build();
        try {
            return client.signPostPolicy(policy).block();
        } finally {
            client.close();
        }
    }

    @Test
    void storesAV1SignedFormAndAnswers204() {
        PostForm form = sign(oss, SignatureVersion.V1, PostPolicy.builder(BUCKET).key("v1/photo.jpg")
                .expiresIn(Duration.ofMinutes(5)).contentLengthRange(1, 1024).contentType("image/jpeg")
                .metadata("owner", "alice").build());
        Forms.Response response = Forms.post(form.url(), form.fields(), "photo.jpg", bytes("jpeg bytes"));

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        StoredObject stored = oss.object(BUCKET, "v1/photo.jpg").orElseThrow();
        assertThat(stored.utf8()).isEqualTo("jpeg bytes");
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.userMetadata()).containsEntry("owner", "alice");
        assertThat(response.header("ETag")).isEqualTo("\"" + stored.etag() + "\"");
    }

    @Test
    void storesAV4SignedFormUnderAKeyPrefixAndAnswers201WithItsLocation() {
        PostForm form = sign(oss, SignatureVersion.V4, PostPolicy.builder(BUCKET).keyPrefix("v4/")
                .expiresIn(Duration.ofMinutes(5)).successActionStatus(201).build());
        assertThat(form.fields()).containsKeys("x-oss-signature-version", "x-oss-credential", "x-oss-date",
                "x-oss-signature");
        Forms.Response response = Forms.post(form.url(), form.fields(), "notes.txt", bytes("v4 notes"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("<PostResponse>", "<Bucket>" + BUCKET + "</Bucket>",
                "<Key>v4/notes.txt</Key>", "/" + BUCKET + "/v4/notes.txt</Location>");
        assertThat(oss.object(BUCKET, "v4/notes.txt").orElseThrow().utf8()).isEqualTo("v4 notes");
        Await.until(Duration.ofSeconds(5), () -> oss.requests().stream().anyMatch(request ->
                request.operation() == Operation.POST_OBJECT && request.status() == 201
                && request.key().equals(java.util.Optional.of("v4/notes.txt"))), "PostObject 201 logged with its key");
    }

    @Test
    void acceptsStsFormsWithTheirTokenAndRefusesThemWithout() {
        for (SignatureVersion version : SignatureVersion.values()) {
            String key = "sts/" + version + ".bin";
            PostForm form = sign(sts, version, PostPolicy.builder(BUCKET).key(key)
                    .expiresIn(Duration.ofMinutes(5)).successActionStatus(200).build());
            assertThat(form.fields()).containsEntry("x-oss-security-token", "sts-token");
            Map<String, String> withoutToken = new LinkedHashMap<>(form.fields());
            withoutToken.remove("x-oss-security-token");

            Forms.Response refused = Forms.post(form.url(), withoutToken, "a.bin", bytes("sts"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("<Code>InvalidSecurityToken</Code>");
            assertThat(sts.object(BUCKET, key)).isEmpty();

            Forms.Response stored = Forms.post(form.url(), form.fields(), "a.bin", bytes("sts"));
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            assertThat(stored.body()).isEmpty();
            assertThat(sts.object(BUCKET, key)).isPresent();
        }
    }

    @Test
    void callsBackWithTheFormsVariablesAndRelaysTheReply() throws Exception {
        receiver.answer(200, "{\"accepted\":true}");
        Callback callback = Callback.builder(receiver.url("/oss/callback"),
                "object=${object}&size=${size}&mimeType=${mimeType}&uid=${x:uid}&op=${operation}")
                .variable("x:uid", "42").build();
        PostForm form = sign(oss, SignatureVersion.V4, PostPolicy.builder(BUCKET).key("cb/ok.txt")
                .expiresIn(Duration.ofMinutes(5)).contentType("text/plain").callback(callback).build());
        assertThat(form.fields()).containsEntry("x:uid", "42").containsKey("callback");

        Forms.Response response = Forms.post(form.url(), form.fields(), "ok.txt", bytes("called back"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"accepted\":true}");
        CallbackReceiver.Call call = receiver.take();
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.body()).isEqualTo("object=cb%2Fok.txt&size=11&mimeType=text%2Fplain&uid=42&op=PostObject");
    }

    @Test
    void answers203CallbackFailedWhenTheReceiverFailsButKeepsTheObject() throws Exception {
        receiver.answer(500, "{}");
        try {
            Callback callback = Callback.builder(receiver.url("/oss/callback"), "object=${object}").build();
            PostForm form = sign(oss, SignatureVersion.V1, PostPolicy.builder(BUCKET).key("cb/failed.txt")
                    .expiresIn(Duration.ofMinutes(5)).callback(callback).build());

            Forms.Response response = Forms.post(form.url(), form.fields(), "failed.txt", bytes("kept"));

            assertThat(response.status()).isEqualTo(203);
            assertThat(response.body()).contains("<Code>CallbackFailed</Code>", "Error status : 500.");
            assertThat(oss.object(BUCKET, "cb/failed.txt").orElseThrow().utf8()).isEqualTo("kept");
            assertThat(receiver.take().body()).isEqualTo("object=cb%2Ffailed.txt");
        } finally {
            receiver.answer(200, "{\"Status\":\"OK\"}");
        }
    }

    @Test
    void aConnectionResetMidFileStoresNothing() {
        PostForm form = sign(oss, SignatureVersion.V4, PostPolicy.builder(BUCKET).key("reset/big.bin")
                .expiresIn(Duration.ofMinutes(5)).build());
        oss.inject(Operation.POST_OBJECT, Fault.resetAfterBytes(4096));

        assertThatThrownBy(() -> Forms.post(form.url(), form.fields(), "big.bin", new byte[256 * 1024]))
                .isInstanceOf(java.io.UncheckedIOException.class);

        assertThat(oss.object(BUCKET, "reset/big.bin")).isEmpty();
        Await.until(Duration.ofSeconds(5), () -> oss.requests().stream().anyMatch(request ->
                request.operation() == Operation.POST_OBJECT && request.status() == 0), "reset PostObject logged");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
