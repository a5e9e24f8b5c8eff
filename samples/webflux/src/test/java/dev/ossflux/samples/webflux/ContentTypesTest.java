package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ContentTypesTest {

    private final ContentTypes types = new ContentTypes(List.of("image/png", "Text/Plain"));

    @Test
    void keepsAnAllowedTypeWithoutItsParameters() {
        assertThat(types.of(MediaType.IMAGE_PNG)).isEqualTo("image/png");
        assertThat(types.of(MediaType.parseMediaType("text/plain; charset=UTF-8"))).isEqualTo("text/plain");
    }

    @Test
    void storesEveryOtherTypeAsOctetStream() {
        assertThat(types.of(MediaType.TEXT_HTML)).isEqualTo("application/octet-stream");
        assertThat(types.of(MediaType.parseMediaType("image/svg+xml"))).isEqualTo("application/octet-stream");
        assertThat(types.of(null)).isEqualTo("application/octet-stream");
    }
}
