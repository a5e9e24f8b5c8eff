package dev.ossflux.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Part(int number, String etag, long crc64) {
    }

    record Saved(String key, Optional<String> versionId, List<Part> parts, Map<String, String> metadata,
            boolean done) {
    }

    private static Object read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryKindOfValueIntoPlainJavaValuesInOrder() {
        Object tree = read("{\"s\":\"a\\u00e9\",\"n\":-7,\"big\":18446744073709551616,\"d\":1.5,\"t\":true,"
                + "\"z\":null,\"list\":[1,\"x\",{}],\"o\":{\"b\":false}}");
        assertThat(tree).isInstanceOfSatisfying(Map.class, map -> assertThat(map).containsExactly(
                entry("s", "aé"), entry("n", -7L), entry("big", new BigInteger("18446744073709551616")),
                entry("d", 1.5), entry("t", true), entry("z", null), entry("list", List.of(1L, "x", Map.of())),
                entry("o", Map.of("b", false))));
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        for (String bad : List.of("", "{\"a\":", "{\"a\":1} {}", "{'a':1}", "[1,]", "nul")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not JSON");
        }
    }

    @Test
    void writesRecordsByComponentNameAndReadsThemBack() {
        Saved saved = new Saved("a/\"b\"", Optional.empty(), List.of(new Part(1, "E1", -1L), new Part(2, "E2", 5)),
                Map.of("k", "v"), true);
        String json = text(saved);
        assertThat(json).isEqualTo("{\"key\":\"a/\\\"b\\\"\",\"versionId\":null,\"parts\":[{\"number\":1,"
                + "\"etag\":\"E1\",\"crc64\":-1},{\"number\":2,\"etag\":\"E2\",\"crc64\":5}],\"metadata\":{\"k\":\"v\"},"
                + "\"done\":true}");
        assertThat(Json.read(json.getBytes(StandardCharsets.UTF_8), Saved.class)).isEqualTo(saved);
        Saved versioned = new Saved("k", Optional.of("v1"), List.of(), Map.of(), false);
        assertThat(Json.read(Json.write(versioned), Saved.class)).isEqualTo(versioned);
    }

    @Test
    void bindsLenientlyAsTextFormatsNeed() {
        Saved saved = Json.read("{\"key\":7,\"parts\":{\"number\":\"3\",\"etag\":\"E\",\"crc64\":\"9\"},\"extra\":1}"
                .getBytes(StandardCharsets.UTF_8), Saved.class);
        assertThat(saved).isEqualTo(new Saved("7", Optional.empty(), List.of(new Part(3, "E", 9)), Map.of(), false));
    }

    @Test
    void namesThePathOfAValueThatDoesNotFit() {
        assertThatThrownBy(() -> Json.read("{\"key\":\"k\",\"parts\":[{\"number\":1.5}]}"
                .getBytes(StandardCharsets.UTF_8), Saved.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.parts[0].number");
        assertThatThrownBy(() -> Json.read("[1]".getBytes(StandardCharsets.UTF_8), Saved.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected an object");
    }

    @Test
    void quotesStringsAsJsonLiterals() {
        assertThat(Json.quote("a \"b\"\n\\")).isEqualTo("\"a \\\"b\\\"\\n\\\\\"");
    }

    @Test
    void refusesNestingBeyondTheStreamingLimit() {
        byte[] deep = new byte[4000];
        Arrays.fill(deep, (byte) '[');
        assertThatThrownBy(() -> Json.read(deep)).isInstanceOf(IllegalArgumentException.class);
    }
}
