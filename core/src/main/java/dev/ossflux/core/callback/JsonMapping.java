package dev.ossflux.core.callback;

/**
 * Maps JSON to a type with the application's own mapper, for {@link CallbackReply#as(Class, JsonMapping)} and
 * {@link VerifiedCallback#as(Class, JsonMapping)}. Jackson's {@code readValue} fits as a method reference:
 *
 * <pre>{@code
 * Receipt receipt = reply.as(Receipt.class, objectMapper::readValue);
 * }</pre>
 */
@FunctionalInterface
public interface JsonMapping {

    /**
     * Maps UTF-8 JSON to {@code type}.
     *
     * @throws Exception when the JSON does not fit the type
     */
    <T> T read(byte[] json, Class<T> type) throws Exception;
}
