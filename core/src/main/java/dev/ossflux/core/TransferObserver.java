package dev.ossflux.core;

import java.io.IOException;

/** Hears what each request attempt did; the client calls it from I/O threads. */
interface TransferObserver {

    TransferObserver NONE = new TransferObserver() {
        @Override
        public void attempted(String operation, String outcome, int status, long nanos, long bytesSent) {
        }

        @Override
        public void retrying(String operation) {
        }
    };

    /**
     * One attempt ended.
     *
     * @param outcome one of {@code success}, {@code callback_failed}, {@code client_error},
     *     {@code server_error}, {@code io_error}, {@code timeout}, {@code cancelled}, {@code error}
     * @param status the HTTP status, 0 when no response arrived
     */
    void attempted(String operation, String outcome, int status, long nanos, long bytesSent);

    /** A failed attempt of {@code operation} is about to be retried. */
    void retrying(String operation);

    static String outcome(int status) {
        if (status == 203) {
            return "callback_failed";
        }
        return status < 300 ? "success" : status < 500 ? "client_error" : "server_error";
    }

    static String outcome(Throwable error) {
        if (error instanceof SentInFull sent) {
            return outcome(sent.getCause());
        }
        if (error instanceof OssException oss) {
            return outcome(oss.statusCode());
        }
        if (error instanceof io.netty.handler.timeout.TimeoutException
                || error instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        return error instanceof IOException ? "io_error" : "error";
    }

    static int status(Throwable error) {
        if (error instanceof SentInFull sent) {
            return status(sent.getCause());
        }
        return error instanceof OssException oss ? oss.statusCode() : 0;
    }
}
