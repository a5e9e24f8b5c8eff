package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallbackBindingTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final CallbackBinding binding = CallbackBinding.of(SECRET).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Callback form = Callback.builder("https://app.example.com/oss/cb", "object=${object}&uid=${x:uid}")
            .variable("x:uid", "42").build();

    @Test
    void addsTheBindingsVariablesAndFieldsToAFormBody() {
        Callback bound = binding.bind(form, "examplebucket", "photos/cat.png");

        assertThat(bound.body()).isEqualTo("object=${object}&uid=${x:uid}&ossflux_bucket=${bucket}"
                + "&ossflux_object=${object}&ossflux_expires=${x:ossflux_expires}&ossflux_nonce=${x:ossflux_nonce}"
                + "&ossflux_mac=${x:ossflux_mac}");
        assertThat(bound.variables()).containsEntry("x:uid", "42")
                .containsEntry(CallbackBinding.EXPIRES_VARIABLE, Long.toString(NOW.getEpochSecond() + 3600))
                .containsKeys(CallbackBinding.NONCE_VARIABLE, CallbackBinding.MAC_VARIABLE);
        assertThat(bound.variables().keySet()).allMatch(name -> name.matches("x:[a-z0-9_-]+"));
        assertThat(bound.urls()).isEqualTo(form.urls());
        assertThat(bound.variables().get(CallbackBinding.MAC_VARIABLE)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void addsTheFieldsToAJsonObjectBody() {
        Callback json = Callback.builder("https://app.example.com/oss/cb", " {\"object\":${object}} ")
                .bodyType(Callback.BodyType.JSON).build();
        assertThat(binding.bind(json, "examplebucket", "a.txt").body()).isEqualTo("{\"object\":${object},"
                + "\"ossflux_bucket\":${bucket},\"ossflux_object\":${object},\"ossflux_expires\":${x:ossflux_expires},"
                + "\"ossflux_nonce\":${x:ossflux_nonce},\"ossflux_mac\":${x:ossflux_mac}}");
        Callback empty = Callback.builder("https://app.example.com/oss/cb", "{}").bodyType(Callback.BodyType.JSON)
                .build();
        assertThat(binding.bind(empty, "examplebucket", "a.txt").body()).startsWith("{\"ossflux_bucket\":${bucket},");
    }

    @Test
    void drawsAFreshNonceAndMacForEveryUpload() {
        Set<String> nonces = new HashSet<>();
        Set<String> macs = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Callback bound = binding.bind(form, "examplebucket", "photos/cat.png");
            nonces.add(bound.variables().get(CallbackBinding.NONCE_VARIABLE));
            macs.add(bound.variables().get(CallbackBinding.MAC_VARIABLE));
        }
        assertThat(nonces).hasSize(100).allMatch(nonce -> nonce.matches("[A-Za-z0-9_-]{22}"));
        assertThat(macs).hasSize(100);
    }

    @Test
    void macsBucketKeyExpiryNonceAndBodyTypeUnambiguously() {
        BindingMac mac = binding.mac();
        String reference = mac.sign(Callback.BodyType.FORM, "bucket", "key", "100", "nonce");
        assertThat(Set.of(reference,
                mac.sign(Callback.BodyType.JSON, "bucket", "key", "100", "nonce"),
                mac.sign(Callback.BodyType.FORM, "bucket2", "key", "100", "nonce"),
                mac.sign(Callback.BodyType.FORM, "bucket", "key2", "100", "nonce"),
                mac.sign(Callback.BodyType.FORM, "bucket", "key", "101", "nonce"),
                mac.sign(Callback.BodyType.FORM, "bucket", "key", "100", "nonce2"),
                mac.sign(Callback.BodyType.FORM, "bucketk", "ey", "100", "nonce"),
                CallbackBinding.of(SECRET.replace('0', '1')).mac()
                        .sign(Callback.BodyType.FORM, "bucket", "key", "100", "nonce"))).hasSize(8);
        assertThat(mac.matches(reference, Callback.BodyType.FORM, "bucket", "key", "100", "nonce")).isTrue();
        assertThat(mac.matches(reference, Callback.BodyType.FORM, "bucket", "key", "100", "nonce2")).isFalse();
    }

    @Test
    void staysWithinTheOssLimitOnCallbackVariables() {
        Callback full = Callback.builder("https://app.example.com/oss/cb", "a=${x:a}").variable("x:a", "v".repeat(3500))
                .build();
        Callback bound = binding.bind(full, "examplebucket", "k".repeat(1023));
        assertThat(bound.variablesHeaderValue().orElseThrow()).hasSizeLessThanOrEqualTo(Callback.MAX_ENCODED_LENGTH);
        Callback tooFull = Callback.builder("https://app.example.com/oss/cb", "a=${x:a}")
                .variable("x:a", "v".repeat(3800)).build();
        assertThatThrownBy(() -> binding.bind(tooFull, "examplebucket", "key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5120");
    }

    @Test
    void refusesWhatItCannotBindBeforeAnythingIsSent() {
        Callback bound = binding.bind(form, "examplebucket", "a.txt");
        assertThatThrownBy(() -> binding.bind(bound, "examplebucket", "a.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already bound");
        assertThatThrownBy(() -> binding.bind(Callback.builder("https://a.example.com/", "ossflux_mac=1").build(),
                "examplebucket", "a.txt")).hasMessageContaining("ossflux_mac");
        assertThatThrownBy(() -> binding.bind(Callback.builder("https://a.example.com/", "[${object}]")
                .bodyType(Callback.BodyType.JSON).build(), "examplebucket", "a.txt"))
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> binding.bind(form, "Bad_Bucket", "a.txt")).hasMessageContaining("bucket");
        assertThatThrownBy(() -> binding.bind(form, "examplebucket", "")).hasMessageContaining("key");
        assertThatThrownBy(() -> CallbackBinding.of("short")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> binding.withValidity(Duration.ZERO)).hasMessageContaining("validity");
    }

    @Test
    void neverShowsItsSecret() {
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(binding.toString()).doesNotContain(SECRET).doesNotContain(base64).contains("redacted");
        assertThat(binding.mac().toString()).doesNotContain(SECRET);
        assertThat(CallbackBinding.random().toString()).contains("redacted");
    }

    @Test
    void expiresAfterItsValidity() {
        Callback bound = binding.withValidity(Duration.ofMinutes(5)).bind(form, "examplebucket", "a.txt");
        assertThat(bound.variables()).containsEntry(CallbackBinding.EXPIRES_VARIABLE,
                Long.toString(NOW.plusSeconds(300).getEpochSecond()));
    }
}
