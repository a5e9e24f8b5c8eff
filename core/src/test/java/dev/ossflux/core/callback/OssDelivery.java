package dev.ossflux.core.callback;

import dev.ossflux.core.internal.callback.CallbackTemplate;
import dev.ossflux.core.internal.sign.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What OSS would POST for a callback after storing an object: the body template filled in (URL-encoded or
 * JSON strings), signed with the test key of {@link CallbackVectors} for the path {@code /oss/cb}.
 */
final class OssDelivery {

    static final String PATH = "/oss/cb";

    private OssDelivery() {
    }

    /** The callback request for {@code callback} after storing {@code key} in {@code bucket}; key at {@code keyUrl}. */
    static CallbackRequest.Builder of(Callback callback, String bucket, String key, String keyUrl) {
        Map<String, String> system = Map.of("bucket", bucket, "object", key, "size", "10", "etag", "ETAG");
        boolean json = callback.bodyType() == Callback.BodyType.JSON;
        String body = CallbackTemplate.parse(callback.body()).render(name -> {
            String value = name.startsWith("x:") ? callback.variables().get(name) : system.get(name);
            String text = value == null ? "" : value;
            return json ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : PercentEncoding.encode(text, false);
        });
        return signed(body, callback.bodyType(), keyUrl);
    }

    /** A request carrying {@code body} as OSS would sign it, whatever made it. */
    static CallbackRequest.Builder signed(String body, Callback.BodyType type, String keyUrl) {
        return CallbackRequest.builder(PATH)
                .authorization(CallbackVectors.sign(PATH + "\n" + body))
                .publicKeyUrl(CallbackVectors.base64(keyUrl))
                .contentType(type.mediaType())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
