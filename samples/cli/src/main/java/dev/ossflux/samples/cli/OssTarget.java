package dev.ossflux.samples.cli;

/** An {@code oss://bucket/key} address. */
record OssTarget(String bucket, String key) {

    static OssTarget parse(String uri) {
        if (!uri.startsWith("oss://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an oss://BUCKET/KEY address");
        }
        String rest = uri.substring("oss://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("'" + uri + "' has no key; write oss://BUCKET/KEY");
        }
        return new OssTarget(rest.substring(0, slash), rest.substring(slash + 1));
    }
}
