package dev.ossflux.core.callback;

import dev.ossflux.core.internal.json.Databind;
import dev.ossflux.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A callback request whose signature verified: the body OSS sent and the variables in it.
 *
 * <pre>{@code
 * String key = verified.variable("object").orElseThrow();
 * record Upload(String bucket, String object, long size) {}
 * Upload upload = verified.as(Upload.class);
 * }</pre>
 *
 * <p>{@linkplain #variables() Variables} are read from the body by its type: the fields of a form
 * body ({@code +} and {@code %20} both decode to a space, UTF-8; when a name repeats, the first
 * value wins), or the top-level fields of a JSON object (strings as they are, numbers and booleans
 * as their JSON text, objects and arrays as JSON, {@code null} left out). Instances are immutable.
 */
public final class VerifiedCallback {

    private final Callback.BodyType bodyType;
    private final byte[] body;
    private final Map<String, String> variables;
    private final @Nullable Object json;

    VerifiedCallback(Callback.BodyType bodyType, byte[] body, Map<String, String> variables, @Nullable Object json) {
        this.bodyType = bodyType;
        this.body = body;
        this.variables = variables;
        this.json = json;
    }

    /** How the body is encoded, from the request's {@code Content-Type} (form when it had none). */
    public Callback.BodyType bodyType() {
        return bodyType;
    }

    /** The body exactly as received (a copy). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The variables of the body in their order, e.g. {@code bucket}, {@code object}, {@code uid}. */
    public Map<String, String> variables() {
        return variables;
    }

    /** One variable of the body, e.g. {@code variable("bucket")}. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /**
     * The body as a JSON object, read without any JSON library of the application: the fields of a JSON body
     * (values as {@link CallbackReply#json()} describes), or the string fields of a form body. Unmodifiable.
     *
     * @throws IllegalArgumentException when a JSON body is not an object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        if (json instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new IllegalArgumentException("callback body: not a JSON object");
    }

    /**
     * The body mapped to {@code type} by the application's Jackson (3, else 2, found on the class path; unknown
     * properties ignored), or without Jackson to a record, {@code Map} or plain value by name. Form values are
     * strings, converted to numbers where the type asks for them.
     *
     * @throws IllegalArgumentException when the body does not fit the type (the mapper's error is the cause)
     */
    public <T> T as(Class<T> type) {
        return as(type, Databind.detected()::read);
    }

    /**
     * The body mapped to {@code type} by {@code mapping}, such as the application's configured
     * {@code objectMapper::readValue}; a form body is given to it as a JSON object of strings.
     *
     * @throws IllegalArgumentException when the body does not fit the type (the mapper's error is the cause)
     */
    public <T> T as(Class<T> type, JsonMapping mapping) {
        byte[] content = bodyType == Callback.BodyType.JSON ? body : Json.write(json);
        return JsonObjects.map(content, type, mapping, "callback body");
    }

    @Override
    public String toString() {
        return "VerifiedCallback[" + bodyType + ", " + body.length + " bytes, variables=" + variables.keySet() + "]";
    }
}
