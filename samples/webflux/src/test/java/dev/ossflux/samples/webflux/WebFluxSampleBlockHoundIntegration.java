package dev.ossflux.samples.webflux;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What this module's tests allow on top of the ossflux rules (core's test jar): {@code WebTestClient}
 * writes multipart bodies with a boundary from Spring's {@code MimeTypeUtils.generateMultipartBoundary()},
 * whose {@code SecureRandom} reads {@code /dev/urandom} on the client's event loop (which never blocks on
 * Linux; reactor/BlockHound#220). This is the test's client: the application only reads multipart bodies.
 */
public final class WebFluxSampleBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.springframework.util.MimeTypeUtils", "generateMultipartBoundary");
    }
}
