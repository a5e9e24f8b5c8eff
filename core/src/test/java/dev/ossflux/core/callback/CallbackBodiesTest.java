package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackBodiesTest {

    record Upload(String bucket, String object, long size) {
    }

    @Test
    void decodesFormFieldsInOrderWithPlusAndPercentTwentyAsSpaces() {
        VerifiedCallback callback =
                form("object=my+photos%2F%E4%BD%A0%E5%A5%BD%20cat.png&bucket=b&x%3Aa=1%2B1&size=10");
        assertThat(callback.variables()).containsExactly(
                entry("object", "my photos/你好 cat.png"), entry("bucket", "b"), entry("x:a", "1+1"),
                entry("size", "10"));
        assertThat(callback.bodyType()).isEqualTo(Callback.BodyType.FORM);
    }

    @Test
    void keepsTheFirstValueOfARepeatedFormField() {
        assertThat(form("uid=1&uid=2").variable("uid")).contains("1");
        assertThat(form("uid=1&uid=2").text()).isEqualTo("uid=1&uid=2");
    }

    @Test
    void readsFormFieldsWithoutValuesAndSkipsEmptyPairs() {
        assertThat(form("a&&b=&c=%ZZ").variables())
                .containsExactly(entry("a", ""), entry("b", ""), entry("c", "%ZZ"));
        assertThat(form("").variables()).isEmpty();
    }

    @Test
    void mapsFormFieldsOntoRecords() {
        Upload upload = form("bucket=b&object=dir%2Fa.txt&size=10&mimeType=text%2Fplain").as(Upload.class);
        assertThat(upload).isEqualTo(new Upload("b", "dir/a.txt", 10));
        assertThat(form("bucket=b").json()).containsExactly(entry("bucket", "b"));
    }

    @Test
    void readsTopLevelJsonFieldsAsVariables() {
        VerifiedCallback callback = parse("application/json;charset=UTF-8",
                "{\"bucket\":\"b\",\"object\":\"dir/你好.txt\",\"size\":10,\"crc64\":\"18446744073709551615\","
                        + "\"big\":18446744073709551615,\"ok\":true,\"none\":null,\"image\":{\"w\":1}}");
        assertThat(callback.bodyType()).isEqualTo(Callback.BodyType.JSON);
        assertThat(callback.variables()).containsExactly(
                entry("bucket", "b"), entry("object", "dir/你好.txt"), entry("size", "10"),
                entry("crc64", "18446744073709551615"), entry("big", "18446744073709551615"), entry("ok", "true"),
                entry("image", "{\"w\":1}"));
        assertThat(callback.json().get("image")).isEqualTo(Map.of("w", 1L));
        assertThat(callback.json().get("big")).isEqualTo(new java.math.BigInteger("18446744073709551615"));
        assertThat(callback.as(Upload.class)).isEqualTo(new Upload("b", "dir/你好.txt", 10));
    }

    @Test
    void handsOutCopiesOnly() {
        VerifiedCallback callback = parse("application/json", "{\"a\":\"1\"}");
        callback.body()[0] = 'x';
        assertThatThrownBy(() -> callback.json().put("a", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(callback.text()).isEqualTo("{\"a\":\"1\"}");
        assertThatThrownBy(() -> callback.variables().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsAJsonBodyThatIsNoObjectWithoutVariables() {
        VerifiedCallback array = parse("application/json", "[1,2]");
        assertThat(array.variables()).isEmpty();
        assertThatThrownBy(array::json).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
    }

    @Test
    void readsABodyWithoutContentTypeAsTheExpectedType() {
        VerifiedCallback callback = CallbackBodies.parse(Callback.BodyType.FORM, Optional.empty(),
                "a=1".getBytes(StandardCharsets.UTF_8));
        assertThat(callback.variable("a")).contains("1");
    }

    @Test
    void rejectsBodiesThatDoNotParseAsTheirTypeAndContentTypesOfAnotherType() {
        assertRejected("application/json", "bucket=b", Reason.MALFORMED);
        assertRejected("text/plain", "a=1", Reason.UNEXPECTED_BODY_TYPE);
        assertRejected("application/xml\r\nX-Evil: 1", "a=1", Reason.UNEXPECTED_BODY_TYPE);
        assertThatThrownBy(() -> CallbackBodies.parse(Callback.BodyType.JSON,
                Optional.of("application/x-www-form-urlencoded"), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CallbackVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_BODY_TYPE));
    }

    private static void assertRejected(String contentType, String body, Reason reason) {
        assertThatThrownBy(() -> parse(contentType, body))
                .isInstanceOfSatisfying(CallbackVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageNotContaining("\n");
    }

    private static VerifiedCallback form(String body) {
        return parse("application/x-www-form-urlencoded", body);
    }

    private static VerifiedCallback parse(String contentType, String body) {
        Callback.BodyType expected = contentType.startsWith("application/json") ? Callback.BodyType.JSON
                : Callback.BodyType.FORM;
        return CallbackBodies.parse(expected, Optional.of(contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return Map.entry(key, value);
    }
}
