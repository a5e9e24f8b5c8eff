package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedKeyUrlsTest {

    private final TrustedKeyUrls oss = TrustedKeyUrls.OSS;
    private final TrustedKeyUrls ossHost = TrustedKeyUrls.underPrefixes(List.of("https://gosspublic.alicdn.com/"));

    @Test
    void trustsOnlyTheDocumentedOssKeyUrlByDefaultAndFetchesItOverHttps() {
        assertThat(oss.check("https://gosspublic.alicdn.com/callback_pub_key_v1.pem"))
                .isEqualTo("https://gosspublic.alicdn.com/callback_pub_key_v1.pem");
        assertThat(oss.check("http://gosspublic.alicdn.com/callback_pub_key_v1.pem"))
                .isEqualTo("https://gosspublic.alicdn.com/callback_pub_key_v1.pem");
        for (String other : List.of("https://gosspublic.alicdn.com/keys/v2/key-2.pem",
                "https://gosspublic.alicdn.com/callback_pub_key_v2.pem",
                "https://gosspublic.alicdn.com/callback_pub_key_v1.pem/",
                "http://gosspublic.alicdn.com/callback_pub_key_v1.pem?x")) {
            assertThatThrownBy(() -> oss.check(other)).isInstanceOfSatisfying(CallbackVerificationException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_PUBLIC_KEY_URL));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "http://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com/keys/v2/key-2.pem"})
    void trustsKeysUnderAPrefixAndFetchesThemOverHttps(String url) {
        assertThat(ossHost.check(url)).isEqualTo(url.replace("http://", "https://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com.evil.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com@evil.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com:444/callback_pub_key_v1.pem",
            "http://evil.com/?https://gosspublic.alicdn.com/",
            "http://evil.com/https://gosspublic.alicdn.com/key.pem",
            "HTTPS://GOSSPUBLIC.ALICDN.COM/callback_pub_key_v1.pem",
            " https://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com/../../evil.pem",
            "https://gosspublic.alicdn.com/a/../key.pem",
            "https://gosspublic.alicdn.com/%2e%2e/key.pem",
            "https://gosspublic.alicdn.com//evil.com/key.pem",
            "https://gosspublic.alicdn.com/key.pem?redirect=http://evil.com/",
            "https://gosspublic.alicdn.com/key.pem#x",
            "https://gosspublic.alicdn.com/\\evil.com/key.pem",
            "https://gosspublic.alicdn.com/key.pem\r\nHost: evil.com",
            "https://gosspublic.alicdn.com/key.pem@evil.com",
            "file:///etc/passwd",
            ""})
    void rejectsEverythingElseWithoutLookingItUp(String url) {
        assertThatThrownBy(() -> ossHost.check(url))
                .isInstanceOfSatisfying(CallbackVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_PUBLIC_KEY_URL))
                .hasMessageNotContaining("\r")
                .hasMessageNotContaining("\n");
    }

    @Test
    void trustsAConfiguredEmulatorPrefixOnly() {
        TrustedKeyUrls emulator = TrustedKeyUrls.underPrefixes(List.of("http://127.0.0.1:8123/keys/"));
        assertThat(emulator.check("http://127.0.0.1:8123/keys/callback.pem")).endsWith("callback.pem");
        assertThatThrownBy(() -> emulator.check("http://127.0.0.1:8123/other/callback.pem"))
                .isInstanceOf(CallbackVerificationException.class);
        assertThatThrownBy(() -> emulator.check("http://127.0.0.1:81234/keys/callback.pem"))
                .isInstanceOf(CallbackVerificationException.class);
        assertThatThrownBy(() -> emulator.check("https://gosspublic.alicdn.com/callback_pub_key_v1.pem"))
                .isInstanceOf(CallbackVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://gosspublic.alicdn.com", "http://127.0.0.1:8123", "ftp://example.com/",
            "https://user@example.com/", "https://example.com/?q/", "https://example.com/a/../", "/keys/",
            "https://example.com/#/", "http://gosspublic.alicdn.com/", "http://10.0.0.1:9000/", "HTTPS://example.com/"})
    void refusesPrefixesThatDoNotPinAHostAndPathOrUsePlainHttpBeyondLoopback(String prefix) {
        assertThatThrownBy(() -> TrustedKeyUrls.underPrefixes(List.of(prefix)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(prefix);
    }

    @Test
    void needsAtLeastOnePrefix() {
        assertThatThrownBy(() -> CallbackVerifier.builder().trustedKeyUrlPrefixes(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
