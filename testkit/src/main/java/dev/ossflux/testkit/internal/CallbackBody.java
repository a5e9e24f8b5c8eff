package dev.ossflux.testkit.internal;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.callback.CallbackTemplate;
import dev.ossflux.core.internal.json.Json;
import dev.ossflux.core.internal.sign.PercentEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fills a callback body template: system variables from the stored object, custom {@code x:} variables
 * from {@code x-oss-callback-var}; URL-encoded (RFC 3986) for form bodies, JSON values for JSON bodies.
 */
public final class CallbackBody {

    /** JSON bodies carry these as numbers when known; every other value is a JSON string. */
    private static final Set<String> NUMBERS = Set.of("size", "imageInfo.height", "imageInfo.width");

    private CallbackBody() {
    }

    /** The system variables OSS offers, for an upload of {@code operation} answered with {@code requestId}. */
    public static Map<String, String> systemVariables(String bucket, String key, String etag, long size,
            String mimeType, long crc64, String contentMd5, String clientIp, String requestId, String operation) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bucket", bucket);
        values.put("object", key);
        values.put("etag", etag);
        values.put("size", Long.toString(size));
        values.put("mimeType", mimeType);
        values.put("imageInfo.height", "");
        values.put("imageInfo.width", "");
        values.put("imageInfo.format", "");
        values.put("crc64", Long.toUnsignedString(crc64));
        values.put("contentMd5", contentMd5);
        values.put("vpcId", "");
        values.put("clientIp", clientIp);
        values.put("reqId", requestId);
        values.put("operation", operation);
        return values;
    }

    /** The body OSS would send; unknown variables are empty. */
    public static String render(Callback callback, Map<String, String> systemVariables) {
        boolean json = callback.bodyType() == Callback.BodyType.JSON;
        return CallbackTemplate.parse(callback.body()).render(name -> {
            String value = name.startsWith("x:") ? callback.variables().get(name) : systemVariables.get(name);
            String text = value == null ? "" : value;
            if (!json) {
                return PercentEncoding.encode(text, false);
            }
            if (NUMBERS.contains(name) && !text.isEmpty() && !name.startsWith("x:")) {
                return text;
            }
            return Json.quote(text);
        });
    }
}
