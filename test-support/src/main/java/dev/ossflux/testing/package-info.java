/**
 * Support for ossflux's own tests, not published: every test JVM runs Netty's leak detector at
 * {@code paranoid}, and {@link dev.ossflux.testing.NettyLeaks} turns its {@code LEAK:} reports into
 * failures, per test class ({@link dev.ossflux.testing.FailOnLeaks}) and once more when the test run
 * ends ({@link dev.ossflux.testing.LeakCheckSession}).
 */
@NullMarked
package dev.ossflux.testing;

import org.jspecify.annotations.NullMarked;
