package dev.ossflux.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabindTest {

    record Receipt(String status, long size) {
    }

    private static final byte[] REPLY = "{\"status\":\"OK\",\"size\":\"12\",\"unknown\":[1]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void prefersJackson3WhenTheApplicationHasIt() {
        assertThat(Databind.detected()).hasToString("Jackson 3");
    }

    @Test
    void mapsToRecordsWithJackson3Jackson2OrWithoutEitherIgnoringUnknownFields() throws Exception {
        for (Databind databind : List.of(Databind.jackson3(), Databind.jackson2(), Databind.records())) {
            assertThat(databind.read(REPLY, Receipt.class)).as(databind.toString())
                    .isEqualTo(new Receipt("OK", 12));
        }
    }

    @Test
    void givesEachMappersOwnTree() throws Exception {
        assertThat(Databind.jackson3().read(REPLY, tools.jackson.databind.JsonNode.class).get("size").asString())
                .isEqualTo("12");
        assertThat(Databind.jackson2().read(REPLY, com.fasterxml.jackson.databind.JsonNode.class).get("size")
                .asText()).isEqualTo("12");
        assertThat(Databind.records().read(REPLY, Map.class)).containsEntry("status", "OK");
    }

    @Test
    void passesOnTheMappersOwnErrorForJsonThatDoesNotFit() {
        byte[] bad = "{\"status\":\"OK\",\"size\":\"many\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Databind.jackson3().read(bad, Receipt.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThatThrownBy(() -> Databind.jackson2().read(bad, Receipt.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> Databind.records().read(bad, Receipt.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.size");
    }
}
