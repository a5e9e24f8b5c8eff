/**
 * Multipart uploads of files and unbounded streams:
 * {@link dev.ossflux.multipart.MultipartUploader} splits the data into concurrently uploaded
 * parts, resumes from checkpoints, and sends the upload callback with the completing request.
 */
@NullMarked
package dev.ossflux.multipart;

import org.jspecify.annotations.NullMarked;
