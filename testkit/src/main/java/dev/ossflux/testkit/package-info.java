/**
 * An embedded Alibaba Cloud OSS emulator for tests: {@link dev.ossflux.testkit.OssEmulator}, the
 * JUnit 5 {@link dev.ossflux.testkit.OssEmulatorExtension}, injectable {@link dev.ossflux.testkit.Fault}s
 * and the {@link dev.ossflux.testkit.RecordedRequest} log.
 */
@NullMarked
package dev.ossflux.testkit;

import org.jspecify.annotations.NullMarked;
