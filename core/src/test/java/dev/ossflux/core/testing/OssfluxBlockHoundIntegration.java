package dev.ossflux.core.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The BlockHound rules of every ossflux test suite: any blocking call on a Reactor or Netty
 * thread fails the test, except what is not ours to fix: loading a class for the first time, which
 * reads the jar once, and Netty 4.2's adaptive allocator growing or retiring its magazines under a
 * {@code StampedLock} write lock, which waits while another event loop is in the lock's short,
 * non-blocking section (Netty's own BlockHound integration covers only the allocator's thread-local
 * set-up).
 */
public final class OssfluxBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("java.lang.ClassLoader", "loadClass");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
