package dev.ossflux.core.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The BlockHound rules of every ossflux test suite: any blocking call on a Reactor or Netty
 * thread fails the test, except two that are not ours to fix: loading a class for the first time,
 * which reads the jar once, and Netty 4.2's adaptive allocator growing its magazines under a
 * {@code StampedLock} when many event loops allocate at once (Netty's own BlockHound integration
 * allows the allocator's other lock but not this one).
 */
public final class OssfluxBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("java.lang.ClassLoader", "loadClass");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
    }
}
