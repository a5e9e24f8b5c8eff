/**
 * A Spring Boot WebFlux application that streams browser uploads to OSS with an upload callback
 * and verifies the callbacks OSS sends back: {@link dev.ossflux.samples.webflux.WebFluxSample}.
 */
@NullMarked
package dev.ossflux.samples.webflux;

import org.jspecify.annotations.NullMarked;
