package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.testkit.OssEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /uploads/policy}: what it checks and the form it signs. */
@SampleApplicationTest
class UploadPolicyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX = SampleApplicationTest.MAX_DIRECT_UPLOAD_MIB * 1024L * 1024L;

    @Autowired
    private WebTestClient web;

    @Autowired
    private OssEmulator emulator;

    @LocalServerPort
    private int port;

    @Test
    void signsAV4FormForOneObjectOfExactlyTheAnnouncedSizeWithFieldsInOrder() {
        Instant before = Instant.now();
        JsonNode form = policy(Map.of("name", "holiday photo.jpg", "size", 52_114, "type", "image/jpeg"))
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(form.get("url").asString()).as("the emulator's bucket URL").startsWith(emulator.endpoint())
                .contains(SampleApplicationTest.BUCKET);
        JsonNode fields = form.get("fields");
        assertThat(names(fields)).containsExactly("key", "policy", "x-oss-signature-version", "x-oss-credential",
                "x-oss-date", "x-oss-signature", "Content-Type", "callback", UploadCallbacks.UPLOAD_ID_VARIABLE,
                CallbackBinding.EXPIRES_VARIABLE, CallbackBinding.NONCE_VARIABLE, CallbackBinding.MAC_VARIABLE);
        String key = fields.get("key").asString();
        assertThat(key).matches("uploads/[0-9a-f-]{36}/holiday_photo\\.jpg");
        assertThat(fields.get("Content-Type").asString()).isEqualTo("image/jpeg");
        assertThat(fields.get("x-oss-signature-version").asString()).isEqualTo("OSS4-HMAC-SHA256");

        JsonNode policy = decode(fields.get("policy").asString());
        Instant expiration = Instant.parse(policy.get("expiration").asString());
        assertThat(expiration).isBetween(before.plusSeconds(SampleApplicationTest.DIRECT_UPLOAD_EXPIRY_SECONDS - 2),
                Instant.now().plusSeconds(SampleApplicationTest.DIRECT_UPLOAD_EXPIRY_SECONDS + 2));
        assertThat(Instant.parse(form.get("expiration").asString()).truncatedTo(ChronoUnit.MILLIS))
                .as("the policy document writes milliseconds").isEqualTo(expiration);
        List<String> conditions = new ArrayList<>();
        policy.get("conditions").forEach(condition -> conditions.add(condition.toString()));
        assertThat(conditions).contains(
                "{\"bucket\":\"" + SampleApplicationTest.BUCKET + "\"}",
                "[\"eq\",\"$key\",\"" + key + "\"]",
                "[\"content-length-range\",52114,52114]",
                "[\"eq\",\"$content-type\",\"image/jpeg\"]",
                "[\"eq\",\"$callback\",\"" + fields.get("callback").asString() + "\"]",
                "[\"eq\",\"$" + CallbackBinding.MAC_VARIABLE + "\",\"" + fields.get(CallbackBinding.MAC_VARIABLE)
                        .asString() + "\"]");
    }

    @Test
    void bindsTheCallbackToThisApplicationAndTheObject() {
        JsonNode fields = policy(Map.of("name", "a.txt", "size", 5, "type", "text/plain"))
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("fields");
        JsonNode other = policy(Map.of("name", "a.txt", "size", 5, "type", "text/plain"))
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("fields");

        JsonNode callback = decode(fields.get("callback").asString());
        assertThat(callback.get("callbackUrl").asString()).isEqualTo("http://127.0.0.1:" + port + CallbackHandler.PATH);
        assertThat(callback.get("callbackBody").asString())
                .startsWith(UploadCallbacks.BODY)
                .contains(CallbackBinding.OBJECT_FIELD + "=${object}", CallbackBinding.MAC_FIELD + "=${"
                        + CallbackBinding.MAC_VARIABLE + "}");
        String key = fields.get("key").asString();
        assertThat(key).contains("/" + fields.get(UploadCallbacks.UPLOAD_ID_VARIABLE).asString() + "/");
        assertThat(Long.parseLong(fields.get(CallbackBinding.EXPIRES_VARIABLE).asString()))
                .isGreaterThan(Instant.now().getEpochSecond());
        assertThat(other.get("key").asString()).as("a new key for every form").isNotEqualTo(key);
        assertThat(other.get(CallbackBinding.NONCE_VARIABLE).asString())
                .isNotEqualTo(fields.get(CallbackBinding.NONCE_VARIABLE).asString());
        assertThat(other.get(CallbackBinding.MAC_VARIABLE).asString())
                .isNotEqualTo(fields.get(CallbackBinding.MAC_VARIABLE).asString());
    }

    @Test
    void storesATypeOffTheAllowListAsOctetStream() {
        policy(Map.of("name", "page.html", "size", 100, "type", "text/html"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.fields['Content-Type']").isEqualTo("application/octet-stream");
        policy(Map.of("name", "blob", "size", 100))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.fields['Content-Type']").isEqualTo("application/octet-stream");
    }

    @Test
    void answers413ForAFileOverTheMaximumDirectUploadSize() {
        policy(Map.of("name", "exact.bin", "size", MAX)).expectStatus().isOk()
                .expectBody().jsonPath("$.fields.key").value(key -> assertThat((String) key).endsWith("/exact.bin"));
        policy(Map.of("name", "huge.bin", "size", MAX + 1))
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.error").isEqualTo("the file is larger than " + MAX + " bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "../etc/passwd", "dir\\\\file.txt", "a\\u0000b", "line\\r\\nbreak", ".."})
    void refusesANameThatIsNotAFileName(String escaped) throws Exception {
        String name = JSON.readValue("\"" + escaped + "\"", String.class);

        policy(Map.of("name", name, "size", 10))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).startsWith("name: "));
    }

    @Test
    void refusesAnOverlongName() {
        policy(Map.of("name", "a".repeat(DirectUploadHandler.MAX_NAME_LENGTH + 1), "size", 10))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).startsWith("name: "));
        policy(Map.of("name", "a".repeat(DirectUploadHandler.MAX_NAME_LENGTH), "size", 10)).expectStatus().isOk()
                .expectBody().jsonPath("$.fields.key").exists();
    }

    @Test
    void refusesAMissingOrNegativeSizeAndABodyThatIsNotTheJsonExpected() {
        policy(Map.of("name", "a.txt")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).startsWith("size: "));
        policy(Map.of("name", "a.txt", "size", -1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).startsWith("size: "));
        web.post().uri(DirectUploadHandler.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("JSON"));
        web.post().uri(DirectUploadHandler.PATH).contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("JSON"));
    }

    private WebTestClient.ResponseSpec policy(Map<String, Object> file) {
        return web.post().uri(DirectUploadHandler.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(file)
                .exchange();
    }

    private static List<String> names(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.propertyNames().forEach(names::add);
        return names;
    }

    private static JsonNode decode(String base64) {
        return JSON.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    }
}
