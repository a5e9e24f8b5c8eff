package dev.ossflux.core.internal.json;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The typed JSON mapping an application brings: Jackson 3 databind when present, else Jackson 2 databind,
 * else {@link Records} (records, maps, lists and plain values). Found once, by reflection, so that ossflux
 * links to neither; each ignores unknown properties.
 */
public final class Databind {

    private interface Reader {
        Object read(byte[] json, Class<?> type) throws Exception;
    }

    private static final Databind DETECTED = detect();

    private final String name;
    private final Reader reader;

    private Databind(String name, Reader reader) {
        this.name = name;
        this.reader = reader;
    }

    /** The mapping found on the class path (loaded on first use; call it early to keep class loading there). */
    public static Databind detected() {
        return DETECTED;
    }

    static Databind detect() {
        Databind jackson3 = jackson3();
        if (jackson3 != null) {
            return jackson3;
        }
        Databind jackson2 = jackson2();
        return jackson2 != null ? jackson2 : records();
    }

    static Databind records() {
        return new Databind("records", (json, type) -> Records.bind(Json.read(json), type, UnaryOperator.identity()));
    }

    static @Nullable Databind jackson3() {
        try {
            Class<?> mapperType = Class.forName("tools.jackson.databind.json.JsonMapper");
            Object builder = mapperType.getMethod("builder").invoke(null);
            Object features = unknownPropertiesFeature("tools.jackson.databind.DeserializationFeature");
            builder.getClass().getMethod("disable", features.getClass()).invoke(builder, features);
            Object mapper = builder.getClass().getMethod("build").invoke(builder);
            return reflective("Jackson 3", mapper, mapperType.getMethod("readValue", byte[].class, Class.class));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    static @Nullable Databind jackson2() {
        try {
            Class<?> mapperType = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
            Object mapper = mapperType.getConstructor().newInstance();
            Object features = unknownPropertiesFeature("com.fasterxml.jackson.databind.DeserializationFeature");
            mapperType.getMethod("configure", features.getClass().getComponentType(), boolean.class)
                    .invoke(mapper, Array.get(features, 0), false);
            return reflective("Jackson 2", mapper, mapperType.getMethod("readValue", byte[].class, Class.class));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    private static Databind reflective(String name, Object mapper, Method readValue) {
        return new Databind(name, (json, type) -> {
            try {
                return readValue.invoke(mapper, json, type);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
    }

    /** A one-element array of a {@code DeserializationFeature} type holding {@code FAIL_ON_UNKNOWN_PROPERTIES}. */
    private static Object unknownPropertiesFeature(String enumType) throws ClassNotFoundException {
        Class<?> type = Class.forName(enumType);
        Object features = Array.newInstance(type, 1);
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals("FAIL_ON_UNKNOWN_PROPERTIES")) {
                Array.set(features, 0, constant);
            }
        }
        return features;
    }

    /**
     * Maps {@code json} to {@code type}.
     *
     * @throws Exception what the mapper throws when the JSON does not fit the type
     */
    public <T> T read(byte[] json, Class<T> type) throws Exception {
        return type.cast(reader.read(json, type));
    }

    /** {@code Jackson 3}, {@code Jackson 2} or {@code records}. */
    @Override
    public String toString() {
        return name;
    }
}
