package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.testkit.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a request addresses: the operation, the bucket and decoded key (virtual-hosted or path style),
 * and the decoded query in request order.
 *
 * @param hostId the request's host name, reported as {@code HostId} in errors
 */
public record Target(Operation operation, @Nullable String bucket, @Nullable String key, String rawPath,
        List<QueryParam> query, String hostId) {

    public @Nullable String param(String name) {
        for (QueryParam param : query) {
            if (param.name().equals(name)) {
                return param.value() == null ? "" : param.value();
            }
        }
        return null;
    }

    public boolean has(String name) {
        return param(name) != null;
    }

    public String requireKey() {
        if (key == null) {
            throw OssError.invalidArgument("This operation needs an object key.");
        }
        return key;
    }

    public String requireBucket() {
        if (bucket == null) {
            throw OssError.invalidArgument("This operation needs a bucket.");
        }
        return bucket;
    }
}
