package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorOriginsTest {

    @Test
    void allowsThisServersOwnOriginsByDefault() {
        assertThat(EmulatorOrigins.of(List.of(), 8080)).containsExactly("http://127.0.0.1:8080",
                "http://localhost:8080");
    }

    @Test
    void allowsTheConfiguredOriginsOnly() {
        assertThat(EmulatorOrigins.of(List.of("https://app.example.com"), 8080))
                .containsExactly("https://app.example.com");
    }

    @Test
    void allowsAnyOriginWhenThisServersPortIsPickedAtRandom() {
        assertThat(EmulatorOrigins.of(List.of(), 0)).containsExactly("*");
    }
}
