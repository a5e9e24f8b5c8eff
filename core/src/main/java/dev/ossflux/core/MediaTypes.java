package dev.ossflux.core;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** Guesses an object's Content-Type from its key's extension, as the official SDKs do. */
final class MediaTypes {

    static final String DEFAULT = "application/octet-stream";

    /** Common web types the JDK's table lacks or names differently. */
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("json", "application/json"), Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("css", "text/css"), Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"),
            Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("wasm", "application/wasm"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tgz", "application/gzip"), Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("apk", "application/vnd.android.package-archive"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"));

    private MediaTypes() {
    }

    static String guess(String key) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        if (dot <= slash + 1 || dot == key.length() - 1) {
            return DEFAULT;
        }
        String extension = key.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = EXTRA.get(extension);
        if (known != null) {
            return known;
        }
        String jdk = URLConnection.getFileNameMap().getContentTypeFor("x." + extension);
        return jdk != null ? jdk : DEFAULT;
    }
}
