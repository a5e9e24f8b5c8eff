package dev.ossflux.core.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The BlockHound rules of every ossflux test suite: any blocking call on a Reactor or Netty
 * thread fails the test, except loading a class for the first time, which reads the jar once.
 */
public final class OssfluxBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("java.lang.ClassLoader", "loadClass");
    }
}
