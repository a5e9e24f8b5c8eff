/**
 * The reactive OSS client: {@link dev.ossflux.core.OssClient} uploads objects with
 * {@code Mono<UploadResult>} pipelines, with upload callbacks and CRC-64 integrity checks.
 */
@NullMarked
package dev.ossflux.core;

import org.jspecify.annotations.NullMarked;
