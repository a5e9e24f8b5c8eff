package dev.ossflux.multipart;

/**
 * A batch as a whole: bytes sent so far by all its items and how many items ended.
 *
 * @param transferredBytes bytes handed to the network by the batch's uploads (including retries)
 */
public record BatchProgress(long transferredBytes, int succeeded, int failed, int skipped) {
}
