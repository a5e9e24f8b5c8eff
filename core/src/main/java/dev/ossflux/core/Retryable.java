package dev.ossflux.core;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import reactor.netty.channel.AbortedException;

/**
 * Which failures a request may be retried after: lost or refused connections (also one found closed
 * before or while the request was written, Reactor Netty's {@link AbortedException}), timeouts while
 * waiting for a response, HTTP 5xx and 429. Never a callback failure (203), another 4xx, a
 * checksum mismatch, or a local file error.
 */
final class Retryable {

    private Retryable() {
    }

    static boolean test(Throwable error) {
        if (error instanceof CallbackFailedException || error instanceof ChecksumMismatchException) {
            return false;
        }
        if (error instanceof OssException oss) {
            return oss.statusCode() >= 500 || oss.statusCode() == 429;
        }
        if (error instanceof FileSystemException || error instanceof EOFException) {
            return false;
        }
        return error instanceof IOException || error instanceof AbortedException
                || error instanceof io.netty.handler.timeout.TimeoutException;
    }
}
