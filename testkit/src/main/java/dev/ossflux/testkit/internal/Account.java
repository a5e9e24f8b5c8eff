package dev.ossflux.testkit.internal;

import org.jspecify.annotations.Nullable;

/** An access key the emulator accepts; a temporary (STS) key also needs its security token. */
public record Account(String accessKeyId, String accessKeySecret, @Nullable String securityToken) {

    @Override
    public String toString() {
        return "Account[accessKeyId=" + accessKeyId + ", secret=<redacted>" + (securityToken != null ? ", sts" : "")
                + "]";
    }
}
