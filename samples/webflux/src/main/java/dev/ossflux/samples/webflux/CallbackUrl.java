package dev.ossflux.samples.webflux;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The URL OSS calls back: {@code ossflux.callback-url} when configured, else this server's own
 * {@code /oss/callback} on 127.0.0.1, known only once the server has its port.
 */
final class CallbackUrl implements ApplicationListener<ReactiveWebServerInitializedEvent> {

    private final String configured;
    private volatile @Nullable String local;

    CallbackUrl(String configured) {
        this.configured = configured;
    }

    @Override
    public void onApplicationEvent(ReactiveWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            local = "http://127.0.0.1:" + event.getWebServer().getPort() + CallbackHandler.PATH;
        }
    }

    /**
     * The callback URL to put on an upload.
     *
     * @throws IllegalStateException when none is configured and the server has not started yet
     */
    String get() {
        if (!configured.isBlank()) {
            return configured;
        }
        String url = local;
        if (url == null) {
            throw new IllegalStateException("the server has not started yet, so its callback URL is unknown");
        }
        return url;
    }
}
