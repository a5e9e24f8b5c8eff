package dev.ossflux.samples.webflux;

import java.util.List;

/**
 * The origins whose pages may upload to the embedded emulator (its CORS rule): those configured
 * ({@code ossflux.emulator-cors-origins}), else this server's own on {@code 127.0.0.1} and {@code localhost}. With
 * a port picked at random ({@code server.port=0}) this server's origin is unknown when the emulator starts, so
 * any origin is allowed: the emulator listens on 127.0.0.1 only and is a stand-in for development.
 */
final class EmulatorOrigins {

    private EmulatorOrigins() {
    }

    static List<String> of(List<String> configured, int serverPort) {
        if (!configured.isEmpty()) {
            return List.copyOf(configured);
        }
        if (serverPort <= 0) {
            return List.of("*");
        }
        return List.of("http://127.0.0.1:" + serverPort, "http://localhost:" + serverPort);
    }
}
