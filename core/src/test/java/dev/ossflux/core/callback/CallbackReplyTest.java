package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackReplyTest {

    record Receipt(String status, long size) {
    }

    private static final CallbackReply REPLY = CallbackReply.of("{\"status\":\"OK\",\"size\":12,\"tags\":[\"a\"]}"
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void readsTheReplyAsPlainJavaValuesWithoutAnyJsonLibrary() {
        assertThat(REPLY.json()).containsExactly(entry("status", "OK"), entry("size", 12L), entry("tags", List.of("a")));
        assertThatThrownBy(() -> CallbackReply.of("[1]".getBytes(StandardCharsets.UTF_8)).json())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void mapsTheReplyWithTheApplicationsJacksonOrAMapperItPasses() {
        assertThat(REPLY.as(Receipt.class)).isEqualTo(new Receipt("OK", 12));
        tools.jackson.databind.ObjectMapper configured = new tools.jackson.databind.ObjectMapper();
        assertThat(REPLY.as(tools.jackson.databind.JsonNode.class, configured::readValue).get("tags").get(0).asString())
                .isEqualTo("a");
        com.fasterxml.jackson.databind.ObjectMapper jackson2 = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(REPLY.as(com.fasterxml.jackson.databind.JsonNode.class, jackson2::readValue).get("size").asLong())
                .isEqualTo(12);
    }

    @Test
    void reportsAReplyThatDoesNotFitAsIllegalArgumentCarryingTheMappersError() {
        IOException refused = new IOException("no");
        assertThatThrownBy(() -> REPLY.as(Receipt.class, new JsonMapping() {
            @Override
            public <T> T read(byte[] json, Class<T> type) throws IOException {
                throw refused;
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Receipt.class.getName())
                .hasCause(refused);
        assertThatThrownBy(() -> REPLY.as(Integer.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
