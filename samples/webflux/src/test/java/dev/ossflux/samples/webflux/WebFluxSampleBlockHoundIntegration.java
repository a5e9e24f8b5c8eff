package dev.ossflux.samples.webflux;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What this module's tests allow on top of the ossflux rules (core's test jar), two false positives that
 * show up when the application, its emulator and the test client share one JVM:
 *
 * <ul>
 *   <li>Netty 4.2's {@code AdaptivePoolingAllocator} retires a magazine in {@code Magazine.free()} under its
 *       {@code StampedLock} write lock, which waits while another event loop is inside the lock's short,
 *       non-blocking allocation section. Netty's own BlockHound rules cover the allocator's thread-local
 *       set-up but not this (Armeria allows it the same way).</li>
 *   <li>{@code WebTestClient} writes multipart bodies with a boundary from Spring's
 *       {@code MimeTypeUtils.generateMultipartBoundary()}, whose {@code SecureRandom} reads
 *       {@code /dev/urandom} on the client's event loop (which never blocks on Linux; reactor/BlockHound#220).
 *       This is the test's client: the application only reads multipart bodies.</li>
 * </ul>
 */
public final class WebFluxSampleBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("org.springframework.util.MimeTypeUtils", "generateMultipartBoundary");
    }
}
