package dev.ossflux.core;

/**
 * Receives progress snapshots of an upload.
 *
 * <p>Calls arrive on I/O threads, possibly concurrently for multipart uploads, and must return
 * quickly without blocking: hand the snapshot to a {@code Sinks.Many} or update an atomic value
 * when more work is needed. An exception thrown by the listener is logged and ignored.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);
}
