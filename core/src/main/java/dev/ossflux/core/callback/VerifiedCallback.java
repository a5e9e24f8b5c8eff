package dev.ossflux.core.callback;

import dev.ossflux.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

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
    private final JsonNode json;

    VerifiedCallback(Callback.BodyType bodyType, byte[] body, Map<String, String> variables, JsonNode json) {
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

    /** The body as JSON (a copy): the parsed JSON body, or an object of string fields for a form body. */
    public JsonNode json() {
        return json.deepCopy();
    }

    /**
     * The body mapped by Jackson to {@code type}; form values are strings, which Jackson converts
     * to numbers where the type asks for them.
     *
     * @throws tools.jackson.core.JacksonException when the body does not fit the type
     */
    public <T> T as(Class<T> type) {
        return Json.MAPPER.treeToValue(json, type);
    }

    @Override
    public String toString() {
        return "VerifiedCallback[" + bodyType + ", " + body.length + " bytes, variables=" + variables.keySet() + "]";
    }
}
