package dev.ossflux.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A signed PostObject form for a browser or an app: POST {@code multipart/form-data} to {@link #url()}
 * with {@link #fields()} in order, then the file as the last part, named {@code file}.
 *
 * <pre>{@code
 * const body = new FormData();
 * for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
 * body.append("file", file);                       // last
 * await fetch(form.url, { method: "POST", body });
 * }</pre>
 *
 * <p>The fields hold the policy and its signature, never the secret; give the form only to the user
 * it was made for, as anyone holding it may upload within its policy until it expires.
 *
 * @param url where to post the form: the bucket's endpoint
 * @param fields the form fields, in the order they must be sent
 * @param expiration when OSS stops accepting the form
 */
public record PostForm(String url, Map<String, String> fields, Instant expiration) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    public PostForm {
        Objects.requireNonNull(url, "url");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(expiration, "expiration");
    }

    /** {@code {"url": ..., "fields": {...}, "expiration": "..."}}, fields in order, for a front end. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeName("url");
            json.writeString(url);
            json.writeName("fields");
            json.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                json.writeName(field.getKey());
                json.writeString(field.getValue());
            }
            json.writeEndObject();
            json.writeName("expiration");
            json.writeString(expiration.toString());
            json.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The URL, field names and expiry; never the values, which hold the signature and any STS token. */
    @Override
    public String toString() {
        return "PostForm[url=" + url + ", fields=" + fields.keySet() + ", expiration=" + expiration + "]";
    }
}
