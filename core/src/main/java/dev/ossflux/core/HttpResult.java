package dev.ossflux.core;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/** What every OSS response shows, gathered or still streaming. */
interface HttpResult {

    int status();

    HttpHeaders headers();

    /** Bytes of request body sent by this attempt. */
    long sentBytes();

    default @Nullable String header(String name) {
        return headers().get(name);
    }

    default String requestId() {
        String id = headers().get("x-oss-request-id");
        return id == null ? "" : id;
    }
}
