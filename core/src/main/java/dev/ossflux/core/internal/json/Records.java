package dev.ossflux.core.internal.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Turns records into trees of plain values and back, by component name (renamed by a function, as OSS's XML
 * capitalises its element names), in declaration order. Shared by {@link Json} and the XML bodies.
 *
 * <p>Values of a tree are maps, lists, strings, numbers, booleans and nulls. A record component may be a
 * string, a primitive or its box, {@code BigInteger}, {@code BigDecimal}, an enum, a record, or an
 * {@code Optional}, {@code List} or {@code Map<String, V>} of those. Binding is lenient as text formats need:
 * a number or boolean may come as a string, a single value stands for a one-element list, and a missing
 * value gives {@code null}, zero, {@code false}, an empty {@code Optional}, list or map. Unknown fields are
 * ignored. A value that does not fit is an {@link IllegalArgumentException} naming its path.
 */
public final class Records {

    private Records() {
    }

    /** {@code value} as a tree: records become maps of their components, {@code Optional}s their content. */
    public static @Nullable Object tree(@Nullable Object value, UnaryOperator<String> names) {
        if (value instanceof Optional<?> optional) {
            return tree(optional.orElse(null), names);
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.put(names.apply(component.getName()), tree(get(component, record), names));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((name, field) -> fields.put(String.valueOf(name), tree(field, names)));
            return fields;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> tree(item, names)).toList();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    /** Binds a tree to {@code type} (a {@code Class} or a parameterized {@code List}, {@code Map}, ...). */
    public static @Nullable Object bind(@Nullable Object tree, Type type, UnaryOperator<String> names) {
        return new Binder(names).value(tree, type, "$");
    }

    private static @Nullable Object get(RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private record Binder(UnaryOperator<String> names) {

        @Nullable Object value(@Nullable Object node, Type type, String path) {
            if (type instanceof ParameterizedType generic) {
                return generic(node, (Class<?>) generic.getRawType(), generic.getActualTypeArguments(), path);
            }
            if (!(type instanceof Class<?> target)) {
                throw new IllegalArgumentException(path + ": cannot bind to " + type);
            }
            if (target == Optional.class || target == List.class || target == Collection.class || target == Map.class) {
                return generic(node, target, new Type[] {Object.class, Object.class}, path);
            }
            if (node == null || (node instanceof String text && text.isEmpty() && isScalar(target))) {
                return empty(target);
            }
            if (target == Object.class || box(target).isInstance(node) && !(node instanceof Map<?, ?>)) {
                return node;
            }
            if (target.isRecord()) {
                return record(node, target, path);
            }
            return scalar(node, target, path);
        }

        private @Nullable Object generic(@Nullable Object node, Class<?> raw, Type[] arguments, String path) {
            if (raw == Optional.class) {
                return Optional.ofNullable(value(node, arguments[0], path));
            }
            if (raw == List.class || raw == Collection.class) {
                List<?> items = node == null ? List.of() : node instanceof List<?> list ? list : List.of(node);
                List<Object> bound = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    bound.add(value(items.get(i), arguments[0], path + "[" + i + "]"));
                }
                return Collections.unmodifiableList(bound);
            }
            if (raw == Map.class) {
                if (node == null) {
                    return Map.of();
                }
                Map<String, Object> bound = new LinkedHashMap<>();
                map(node, path).forEach((name, field) -> bound.put(String.valueOf(name),
                        value(field, arguments[1], path + "." + name)));
                return Collections.unmodifiableMap(bound);
            }
            throw new IllegalArgumentException(path + ": cannot bind to " + raw.getName());
        }

        private Object record(Object node, Class<?> type, String path) {
            Map<?, ?> fields = map(node, path);
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = names.apply(components[i].getName());
                types[i] = components[i].getType();
                values[i] = value(fields.get(name), components[i].getGenericType(), path + "." + name);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException(path + ": cannot create a " + type.getName(), e);
            }
        }

        private static Map<?, ?> map(Object node, String path) {
            if (node instanceof Map<?, ?> map) {
                return map;
            }
            throw new IllegalArgumentException(path + ": expected an object, got " + describe(node));
        }

        private static Class<?> box(Class<?> type) {
            if (!type.isPrimitive()) {
                return type;
            }
            return Map.<Class<?>, Class<?>>of(boolean.class, Boolean.class, int.class, Integer.class, long.class,
                    Long.class, short.class, Short.class, double.class, Double.class, float.class, Float.class)
                    .getOrDefault(type, type);
        }

        private static boolean isScalar(Class<?> type) {
            return type != String.class && type != Object.class;
        }

        private static @Nullable Object empty(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type.isPrimitive()) {
                return scalar(0L, type, "");
            }
            return null;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object scalar(Object node, Class<?> type, String path) {
            try {
                if (type == String.class && (node instanceof Number || node instanceof Boolean)) {
                    return node.toString();
                }
                if (type == boolean.class || type == Boolean.class) {
                    if (node instanceof String text && (text.equals("true") || text.equals("false"))) {
                        return Boolean.valueOf(text);
                    }
                } else if (type.isEnum() && node instanceof String text) {
                    return Enum.valueOf((Class<? extends Enum>) type, text);
                } else if (type == BigInteger.class && (node instanceof String || node instanceof Long)) {
                    return new BigInteger(node.toString().trim());
                } else if (node instanceof Number || node instanceof String) {
                    return number(new BigDecimal(node.toString().trim()), type);
                }
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + describe(node) + " is not a " + type.getSimpleName(),
                        e);
            }
            throw new IllegalArgumentException(path + ": " + describe(node) + " is not a " + type.getSimpleName());
        }

        private static Object number(BigDecimal number, Class<?> type) {
            if (type == long.class || type == Long.class) {
                return number.longValueExact();
            }
            if (type == int.class || type == Integer.class) {
                return number.intValueExact();
            }
            if (type == short.class || type == Short.class) {
                return number.shortValueExact();
            }
            if (type == double.class || type == Double.class) {
                return number.doubleValue();
            }
            if (type == float.class || type == Float.class) {
                return number.floatValue();
            }
            if (type == BigInteger.class) {
                return number.toBigIntegerExact();
            }
            if (type == BigDecimal.class) {
                return number;
            }
            throw new IllegalArgumentException("unsupported type");
        }

        private static String describe(@Nullable Object node) {
            return node instanceof Map<?, ?> ? "an object" : node instanceof List<?> ? "an array" : "'" + node + "'";
        }
    }
}
