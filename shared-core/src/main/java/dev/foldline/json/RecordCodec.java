package dev.foldline.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.foldline.errors.InvalidArgument;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a JSON object to a record and writes a record as JSON, built once per record class: the
 * components, their value types and method handles for the accessors and the canonical constructor
 * are looked up here, so binding a payload reflects on nothing.
 *
 * <p>Supported component types: {@code String}, {@code int}, {@code long}, {@code double},
 * {@code boolean} and their boxes, {@code BigDecimal}, enums (by constant name), records (nested
 * objects) and {@code List}s of any of these. Anything else fails here, at registration. A component
 * is required unless it is annotated with an annotation named {@code Nullable} (Foldline's,
 * JSpecify's or any other); a primitive is always required. An absent or null required member, a
 * value of the wrong JSON type, a fraction or out-of-range number for an integer, an unknown enum
 * constant and, when strict, a member the record does not declare are each an
 * {@link InvalidArgument} naming the member by its path ({@code lines[2].quantity}), as
 * {@link Payload}'s accessors do. Writing leaves null components out, as gson does.
 */
public final class RecordCodec<R extends Record> {

    private final Class<R> type;
    private final Component[] components;
    private final Set<String> names;
    private final MethodHandle constructor;

    private RecordCodec(Class<R> type, Deque<Class<?>> enclosing) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        if (enclosing.contains(type)) {
            throw new IllegalArgumentException(type.getName() + " contains itself; recursive records are not supported");
        }
        enclosing.push(type);
        try {
            this.type = type;
            RecordComponent[] declared = type.getRecordComponents();
            this.components = new Component[declared.length];
            for (int i = 0; i < declared.length; i++) {
                components[i] = Component.of(type, declared[i], enclosing);
            }
            this.names = Arrays.stream(components).map(Component::name).collect(Collectors.toUnmodifiableSet());
            this.constructor = canonicalConstructor(type, declared);
        } finally {
            enclosing.pop();
        }
    }

    /** The codec of a record class; fails naming the component whose type is not supported. */
    public static <R extends Record> RecordCodec<R> of(Class<R> type) {
        return new RecordCodec<>(type, new ArrayDeque<>());
    }

    public Class<R> type() {
        return type;
    }

    /**
     * The record a payload binds to. With {@code strict}, a member the record (or a nested record)
     * does not declare is refused; otherwise it is ignored.
     */
    public R decode(Payload payload, boolean strict) {
        return type.cast(read(payload.tree(), strict, payload.isStored()));
    }

    /** The record as a payload: members in component order, null components left out. */
    public Payload encode(R value) {
        return Payload.owning(write(value));
    }

    private Object read(JsonObject tree, boolean strict, boolean stored) {
        if (strict) {
            for (String member : tree.keySet()) {
                if (!names.contains(member)) {
                    throw new InvalidArgument(member, member + " is not a field of " + type.getSimpleName());
                }
            }
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = components[i].read(tree, strict, stored);
        }
        try {
            return (Object) constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            // A compact constructor validating its input may throw InvalidArgument: it reaches the caller as is.
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(type.getName() + " constructor failed", checked);
        }
    }

    private JsonObject write(Object value) {
        JsonObject json = new JsonObject();
        for (Component component : components) {
            component.write(value, json);
        }
        return json;
    }

    private static MethodHandle canonicalConstructor(Class<?> type, RecordComponent[] declared) {
        Class<?>[] parameters = Arrays.stream(declared).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameters);
            canonical.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical);
            return handle.asType(handle.type().generic()).asSpreader(Object[].class, parameters.length);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reach the canonical constructor of " + type.getName(), e);
        }
    }

    private static <T extends Record> RecordCodec<T> nested(Class<T> type, Deque<Class<?>> enclosing) {
        return new RecordCodec<>(type, enclosing);
    }

    /** An argument error from inside a list element or nested record, named by its whole path. */
    private static InvalidArgument within(String outer, InvalidArgument inner) {
        String relative = inner.argument().orElse("");
        String path = relative.isEmpty() ? outer
                : outer.isEmpty() || relative.startsWith("[") ? outer + relative : outer + "." + relative;
        String message = inner.getMessage();
        return new InvalidArgument(path, message.startsWith(relative) ? path + message.substring(relative.length()) : message);
    }

    private record Component(String name, boolean required, ValueType valueType, MethodHandle accessor) {

        static Component of(Class<?> owner, RecordComponent component, Deque<Class<?>> enclosing) {
            String where = owner.getSimpleName() + "." + component.getName();
            ValueType valueType = ValueType.of(component.getGenericType(), where, enclosing);
            boolean nullable = named("Nullable", component.getAnnotations())
                    || named("Nullable", component.getAnnotatedType().getAnnotations());
            try {
                component.getAccessor().setAccessible(true);
                MethodHandle accessor = MethodHandles.lookup().unreflect(component.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                return new Component(component.getName(), component.getType().isPrimitive() || !nullable, valueType,
                        accessor);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read " + where, e);
            }
        }

        private static boolean named(String simpleName, Annotation[] annotations) {
            return Arrays.stream(annotations).anyMatch(a -> a.annotationType().getSimpleName().equals(simpleName));
        }

        Object read(JsonObject tree, boolean strict, boolean stored) {
            JsonElement element = tree.get(name);
            if (JsonArguments.absent(element)) {
                if (required) {
                    throw JsonArguments.required(name);
                }
                return null;
            }
            return valueType.read(element, name, strict, stored);
        }

        void write(Object record, JsonObject json) {
            Object value;
            try {
                value = (Object) accessor.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new IllegalStateException("accessor " + name + " failed", checked);
            }
            if (value != null) {
                json.add(name, valueType.write(value));
            }
        }
    }

    /** How one Java type reads from and writes to JSON. */
    private interface ValueType {

        /** Reads a present, non-null element; errors name {@code name}. */
        Object read(JsonElement element, String name, boolean strict, boolean stored);

        JsonElement write(Object value);

        static ValueType of(Type type, String where, Deque<Class<?>> enclosing) {
            if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
                return new ListType(of(generic.getActualTypeArguments()[0], where + "[]", enclosing));
            }
            if (!(type instanceof Class<?> raw)) {
                throw unsupported(type, where);
            }
            if (raw == String.class) {
                return scalar((e, n, s) -> JsonArguments.string(e, n), v -> new JsonPrimitive((String) v));
            }
            if (raw == int.class || raw == Integer.class) {
                return scalar((e, n, s) -> JsonArguments.integer(e, n), v -> new JsonPrimitive((Integer) v));
            }
            if (raw == long.class || raw == Long.class) {
                return scalar((e, n, s) -> JsonArguments.longInteger(e, n), v -> new JsonPrimitive((Long) v));
            }
            if (raw == double.class || raw == Double.class) {
                return scalar(JsonArguments::decimal, v -> new JsonPrimitive((Double) v));
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return scalar((e, n, s) -> JsonArguments.bool(e, n), v -> new JsonPrimitive((Boolean) v));
            }
            if (raw == BigDecimal.class) {
                return scalar((e, n, s) -> JsonArguments.number(e, n), v -> new JsonPrimitive((BigDecimal) v));
            }
            if (raw.isEnum()) {
                return new EnumType(raw);
            }
            if (raw.isRecord()) {
                return new RecordType(nested(raw.asSubclass(Record.class), enclosing));
            }
            throw unsupported(type, where);
        }

        private static IllegalArgumentException unsupported(Type type, String where) {
            return new IllegalArgumentException(where + " has type " + type.getTypeName() + ", which commands and "
                    + "events cannot carry: use String, int, long, double, boolean (or their boxes), BigDecimal, an "
                    + "enum, a record or a List of these");
        }

        private static ValueType scalar(Reader reader, java.util.function.Function<Object, JsonElement> writer) {
            return new ValueType() {
                @Override
                public Object read(JsonElement element, String name, boolean strict, boolean stored) {
                    return reader.read(element, name, stored);
                }

                @Override
                public JsonElement write(Object value) {
                    return writer.apply(value);
                }
            };
        }
    }

    @FunctionalInterface
    private interface Reader {
        Object read(JsonElement element, String name, boolean stored);
    }

    private record EnumType(Map<String, Object> constants) implements ValueType {

        EnumType(Class<?> type) {
            this(constantsOf(type));
        }

        private static Map<String, Object> constantsOf(Class<?> type) {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
            return byName;
        }

        @Override
        public Object read(JsonElement element, String name, boolean strict, boolean stored) {
            Object constant = constants.get(JsonArguments.string(element, name));
            if (constant == null) {
                throw new InvalidArgument(name, name + " must be one of " + String.join(", ", constants.keySet()));
            }
            return constant;
        }

        @Override
        public JsonElement write(Object value) {
            return new JsonPrimitive(((Enum<?>) value).name());
        }
    }

    private record RecordType(RecordCodec<?> codec) implements ValueType {

        @Override
        public Object read(JsonElement element, String name, boolean strict, boolean stored) {
            if (!element.isJsonObject()) {
                throw new InvalidArgument(name, name + " must be an object");
            }
            try {
                return codec.read(element.getAsJsonObject(), strict, stored);
            } catch (InvalidArgument inner) {
                throw within(name, inner);
            }
        }

        @Override
        public JsonElement write(Object value) {
            return codec.write(value);
        }
    }

    private record ListType(ValueType elements) implements ValueType {

        @Override
        public Object read(JsonElement element, String name, boolean strict, boolean stored) {
            if (!element.isJsonArray()) {
                throw new InvalidArgument(name, name + " must be a list");
            }
            JsonArray array = element.getAsJsonArray();
            List<Object> values = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonElement item = array.get(i);
                try {
                    if (JsonArguments.absent(item)) {
                        throw JsonArguments.required("");
                    }
                    values.add(elements.read(item, "", strict, stored));
                } catch (InvalidArgument inner) {
                    // The element's path is spelled out only when it is wrong: no string per element read.
                    throw within(name + "[" + i + "]", inner);
                }
            }
            return List.copyOf(values);
        }

        @Override
        public JsonElement write(Object value) {
            JsonArray array = new JsonArray();
            for (Object item : (List<?>) value) {
                array.add(elements.write(item));
            }
            return array;
        }
    }
}
