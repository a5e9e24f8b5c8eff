/**
 * A Spring Boot WebFlux application that signs forms with which browsers upload straight to OSS, streams
 * browser uploads to OSS itself, both with an upload callback, and verifies the callbacks OSS sends back:
 * {@link dev.ossflux.samples.webflux.WebFluxSample}.
 */
@NullMarked
package dev.ossflux.samples.webflux;

import org.jspecify.annotations.NullMarked;
