package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.internal.callback.CallbackHeaders;
import dev.ossflux.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackTest {

    /** CB-B of oss-protocol.md §10.7: what the official Java SDK sends for the same callback. */
    private static final String CB_B = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYWxsYmFjay5leGFtcGxlLmNvbTo4MDgwL29zcy9jYj9zcmM9b3NzIiwi"
            + "Y2FsbGJhY2tIb3N0IjoiY2FsbGJhY2suZXhhbXBsZS5jb20iLCJjYWxsYmFja0JvZHkiOiJidWNrZXQ9JHtidWNrZXR9Jm9iamVjdD0ke29i"
            + "amVjdH0mZXRhZz0ke2V0YWd9JnNpemU9JHtzaXplfSZtaW1lVHlwZT0ke21pbWVUeXBlfSZjcmM2ND0ke2NyYzY0fSZ1aWQ9JHt4OnVpZH0i"
            + "LCJjYWxsYmFja0JvZHlUeXBlIjoiYXBwbGljYXRpb24veC13d3ctZm9ybS11cmxlbmNvZGVkIn0=";
    /** CB-C of §10.7: a JSON callback whose template needs quotes escaped. */
    private static final String CB_C = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYWxsYmFjay5leGFtcGxlLmNvbS9jYiIsImNhbGxiYWNrQm9keSI6IntcIm9i"
            + "amVjdFwiOiR7b2JqZWN0fSxcInNpemVcIjoke3NpemV9LFwiY3JjNjRcIjoke2NyYzY0fX0iLCJjYWxsYmFja0JvZHlUeXBlIjoiYXBwbGlj"
            + "YXRpb24vanNvbiJ9";

    @Test
    void encodesAFormCallbackExactlyAsTheOfficialSdk() {
        Callback callback = Callback.builder("http://callback.example.com:8080/oss/cb?src=oss",
                        "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
                                + "&crc64=${crc64}&uid=${x:uid}")
                .host("callback.example.com")
                .variable("x:uid", "42")
                .build();
        assertThat(callback.headerValue()).isEqualTo(CB_B);
        assertThat(callback.variablesHeaderValue()).contains("eyJ4OnVpZCI6IjQyIn0=");
    }

    @Test
    void escapesJsonTemplatesThatTheSdkMakesCallersEscapeByHand() {
        Callback callback = Callback.builder("http://callback.example.com/cb",
                "{\"object\":${object},\"size\":${size},\"crc64\":${crc64}}").bodyType(Callback.BodyType.JSON).build();
        assertThat(callback.headerValue()).isEqualTo(CB_C);
        assertThat(callback.variablesHeaderValue()).isEmpty();
    }

    @Test
    void decodesBackToTheSameCallback() {
        Callback callback = Callback.builder("https://a.example.com/cb", "{\"k\":${object},\"u\":${x:uid}}")
                .url("http://b.example.com:8080/cb").host("a.example.com").bodyType(Callback.BodyType.JSON).sni(true)
                .variable("x:uid", "42").variable("x:note", "a \"quoted\" & <odd> value").build();
        String json = new String(Base64.getDecoder().decode(callback.headerValue()), StandardCharsets.UTF_8);
        Map<?, ?> parameters = (Map<?, ?>) Json.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parameters.get("callbackUrl")).isEqualTo("https://a.example.com/cb;http://b.example.com:8080/cb");
        assertThat(parameters.get("callbackSNI")).isEqualTo(true);

        Callback decoded = CallbackHeaders.decode(callback.headerValue(), callback.variablesHeaderValue().orElseThrow());
        assertThat(decoded).isEqualTo(callback);
        assertThat(decoded.urls()).containsExactly("https://a.example.com/cb", "http://b.example.com:8080/cb");
        assertThat(decoded.variables()).containsEntry("x:note", "a \"quoted\" & <odd> value");
        assertThat(decoded.toBuilder().build()).isEqualTo(callback);
    }

    @Test
    void decodesTheJavaSdkVariableHeaderWithItsOddSpacing() {
        Callback decoded = CallbackHeaders.decode(CB_B, "eyJ4OnVpZCI6IjQyIiB9");
        assertThat(decoded.variables()).containsExactly(java.util.Map.entry("x:uid", "42"));
        assertThat(decoded.host()).contains("callback.example.com");
    }

    @Test
    void rejectsEveryRuleOssEnforcesNamingTheField() {
        assertInvalid(() -> Callback.builder(" ", "b=${bucket}").build(), "callbackUrl");
        assertInvalid(() -> Callback.builder("http://a", "b").url("http://b").url("http://c").url("http://d")
                .url("http://e").url("http://f").build(), "callbackUrl: at most 5 URLs, got 6");
        assertInvalid(() -> Callback.builder("ftp://a.example.com", "b").build(), "callbackUrl");
        assertInvalid(() -> Callback.builder("my.com:test", "b").build(), "callbackUrl");
        assertInvalid(() -> Callback.builder("http://[::1]:8080/cb", "b").build(), "IPv6");
        assertInvalid(() -> Callback.builder("http://a;http://b", "b").build(), "';'");
        assertInvalid(() -> Callback.builder("http://a", "").build(), "callbackBody: must not be empty");
        assertInvalid(() -> Callback.builder("http://a", "cost=$5").build(), "callbackBody");
        assertInvalid(() -> Callback.builder("http://a", "b=${bucket").build(), "not closed");
        assertInvalid(() -> Callback.builder("http://a", "b").variable("uid", "1"), "must start with 'x:'");
        assertInvalid(() -> Callback.builder("http://a", "b").variable("x:Uid", "1"), "lower case letters");
        assertInvalid(() -> Callback.builder("http://a", "b").host("bad host").build(), "callbackHost");
        assertInvalid(() -> Callback.BodyType.fromMediaType("text/plain"), "callbackBodyType");
        assertInvalid(() -> Callback.builder("http://a", "b").variable("x:big", "v".repeat(6000)).build(),
                "exceeds the OSS limit of 5120 bytes");
        assertInvalid(() -> Callback.builder("http://a", "x".repeat(4000)).build(), "x-oss-callback: base64 size");
        assertThatThrownBy(() -> Callback.builder(null, "b")).isInstanceOf(NullPointerException.class)
                .hasMessage("callbackUrl");
    }

    @Test
    void acceptsOnlyVariableKeysOfLowerCaseLettersDigitsUnderscoreAndHyphen() {
        Callback callback = Callback.builder("http://a", "b").variable("x:order_id-2", "1").build();
        assertThat(callback.variables()).containsOnlyKeys("x:order_id-2");
        for (String name : new String[] {"x:a b", "x:a.b", "x:ü", "x:a:b", "x:a/b", "x:", "x:\u0130"}) {
            assertInvalid(() -> Callback.builder("http://a", "b").variable(name, "1"), "callback variable '" + name);
        }
        assertInvalid(() -> CallbackHeaders.decode(encode("{\"callbackUrl\":\"http://a\",\"callbackBody\":\"b\"}"),
                encode("{\"x:a b\":\"1\"}")), "callback variable 'x:a b'");
    }

    @Test
    void namesTheHeaderThatGoesOverFiveKilobytesAndRefusesABlankBody() {
        Callback.Builder builder = Callback.builder("http://a", "b");
        for (int i = 0; i < 60; i++) {
            builder.variable("x:v" + i, "0123456789012345678901234567890123456789012345678901234");
        }
        assertInvalid(builder::build, "x-oss-callback-var: base64 size");
        assertThat(Callback.builder("http://a", "b").variable("x:v", "v".repeat(3700)).build()
                .variablesHeaderValue().orElseThrow()).hasSizeLessThanOrEqualTo(Callback.MAX_ENCODED_LENGTH);
        assertInvalid(() -> Callback.builder("http://a", " \n").build(), "callbackBody: must not be empty");
    }

    @Test
    void rejectsHeadersThatAreNotValidCallbackJson() {
        String notJson = Base64.getEncoder().encodeToString("nope".getBytes(StandardCharsets.UTF_8));
        assertInvalid(() -> CallbackHeaders.decode("%%%", null), "x-oss-callback");
        assertInvalid(() -> CallbackHeaders.decode(notJson, null), "x-oss-callback");
        assertInvalid(() -> CallbackHeaders.decode(encode("{\"callbackBody\":\"b\"}"), null), "callbackUrl");
        assertInvalid(() -> CallbackHeaders.decode(encode("{\"callbackUrl\":\"http://a\"}"), null), "callbackBody");
        assertInvalid(() -> CallbackHeaders.decode(encode("{\"callbackUrl\":\"http://a\",\"callbackBody\":\"b\","
                + "\"callbackSNI\":\"yes\"}"), null), "callbackSNI");
        assertInvalid(() -> CallbackHeaders.decode(encode("{\"callbackUrl\":\"http://a\",\"callbackBody\":\"b\"}"),
                encode("{\"x:n\":1}")), "must be a string");
    }

    private static String encode(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
