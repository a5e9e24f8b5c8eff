package dev.ossflux.spring.boot;

import dev.ossflux.core.OssClient;

/**
 * Adjusts the auto-configured {@link OssClient} before it is built, after the {@code ossflux.*} properties were
 * applied. Every customizer bean runs, in {@link org.springframework.core.annotation.Order @Order}.
 *
 * <pre>{@code
 * @Bean
 * OssClientCustomizer proxy() {
 *     return builder -> builder.httpClientCustomizer(http -> http.proxy(...));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface OssClientCustomizer {

    /** Changes {@code builder}; must not build it. */
    void customize(OssClient.Builder builder);
}
