/**
 * Spring Boot auto-configuration for ossflux: an {@link dev.ossflux.core.OssClient}, a
 * {@link dev.ossflux.multipart.MultipartUploader}, a {@link dev.ossflux.multipart.BatchUploader} and a
 * {@link dev.ossflux.core.callback.CallbackVerifier} built from the {@code ossflux.*} properties
 * ({@link dev.ossflux.spring.boot.OssfluxProperties}), each backing off when the application defines its own.
 *
 * <pre>{@code
 * ossflux.endpoint=https://oss-cn-hangzhou.aliyuncs.com
 * ossflux.credentials.access-key-id=${OSS_ACCESS_KEY_ID}
 * ossflux.credentials.access-key-secret=${OSS_ACCESS_KEY_SECRET}
 * ossflux.multipart.part-size=8MB
 * }</pre>
 *
 * <p>{@code ossflux.emulator.enabled=true} starts the embedded emulator of {@code ossflux-testkit} instead and
 * points every bean at it.
 */
@NullMarked
package dev.ossflux.spring.boot;

import org.jspecify.annotations.NullMarked;
